package org.mizan.normalise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mizan.schema.FundingEntry;
import org.mizan.source.RawRecord;

/**
 * A local-authority ledger row (format 6): one funding entry of one project, with the project's title, unit,
 * sector and level. The partition's source is the mapping's, else the row's unit.
 */
public final class LedgerEntryNormaliser extends Normaliser {

    static final Set<String> ENTRY_TYPES = Set.of("commitment", "disbursement", "expenditure");
    static final Set<String> FUNDER_TYPES =
            Set.of("local_authority", "national_government", "diaspora", "donor", "private", "community");
    static final Set<String> SCHEMES = Set.of("none", "1x1", "3x1", "co_financing_85_15");
    static final Set<String> LEVELS = Set.of("local", "national", "international");
    static final Pattern DAC5 = Pattern.compile("\\d{5}");

    private final Fields f;
    private final Gazetteer gazetteer;
    private final Map<String, Long> seen = new HashMap<>();

    public LedgerEntryNormaliser(Fields f, Gazetteer gazetteer) {
        this.f = f;
        this.gazetteer = gazetteer;
    }

    @Override
    protected List<FundingEntry> records(RawRecord r) {
        requireAll(
                f,
                r,
                "project_id",
                "unit_code",
                "entry_id",
                "entry_date",
                "entry_type",
                "funder_type",
                "amount",
                "currency");
        LocalDate on = f.date("entry_date", r.get("entry_date"));
        BigDecimal amount = f.decimal("amount", r.get("amount"), 4);
        if (amount.signum() <= 0) {
            throw new RowRejected(Rule.AMOUNT_NOT_POSITIVE, "amount " + r.get("amount") + " is not above zero");
        }
        String currency = IsoCodes.currency("currency", r.get("currency").toUpperCase());
        String entryType = oneOf("entry_type", r.get("entry_type"), ENTRY_TYPES);
        String funderType = oneOf("funder_type", r.get("funder_type"), FUNDER_TYPES);
        String scheme = r.get("scheme") == null ? "none" : oneOf("scheme", r.get("scheme"), SCHEMES);
        String level = r.get("initiative_level") == null
                ? "local"
                : oneOf("initiative_level", r.get("initiative_level"), LEVELS);
        String sector = r.get("sector_code");
        if (sector != null && !DAC5.matcher(sector).matches()) {
            throw new RowRejected(
                    Rule.BAD_VALUE, "sector_code '" + sector + "' is not an OECD DAC 5-digit purpose code");
        }
        String unit = gazetteer.check("unit_code", r.get("unit_code"), on);
        String key = r.get("project_id") + "\u0001" + r.get("entry_id");
        Long earlier = seen.putIfAbsent(key, r.line());
        if (earlier != null) {
            throw new RowRejected(
                    Rule.DUPLICATE_IN_FILE,
                    "entry " + r.get("entry_id") + " of project " + r.get("project_id") + " is already on line "
                            + earlier);
        }
        return List.of(FundingEntry.newBuilder()
                .setProjectId(r.get("project_id"))
                .setEntryId(r.get("entry_id"))
                .setEntryType(entryType)
                .setEntryOn(on)
                .setValueOn(on)
                .setAmount(amount)
                .setCurrency(currency)
                .setFunderType(funderType)
                .setFunderName(r.get("funder_name"))
                .setScheme(scheme)
                .setUnitCode(unit)
                .setSectorCode(sector)
                .setProjectTitle(r.get("title"))
                .setInitiativeLevel(level)
                .setPeriod(Periods.month(on))
                .setSourceId(sourceId(r, "unit_code"))
                .setSourceFile(r.file())
                .setSourceLine(r.line())
                .build());
    }

    static String oneOf(String field, String v, Set<String> allowed) {
        String s = v.strip().toLowerCase();
        if (!allowed.contains(s)) {
            throw new RowRejected(
                    Rule.BAD_VALUE, field + " '" + v + "' is not one of " + new java.util.TreeSet<>(allowed));
        }
        return s;
    }
}
