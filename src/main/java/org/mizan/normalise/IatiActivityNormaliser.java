package org.mizan.normalise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.mizan.schema.FundingEntry;
import org.mizan.schema.Project;
import org.mizan.schema.ProjectPlace;
import org.mizan.schema.ProjectSector;
import org.mizan.source.iati.IatiActivity;

/**
 * Turns one IATI activity into a project, its sectors, its places and its funding entries (one per transaction).
 * A transaction without a type, a date or a value (or with one that is not valid) is rejected with the
 * activity's id and the reason; the rest of the activity is kept. An activity without an identifier is
 * rejected whole.
 */
public final class IatiActivityNormaliser {

    private static final BigDecimal HUNDRED = new BigDecimal("100.0000");
    private static final Map<String, String> STATUS = Map.of(
            "1",
            "pipeline",
            "2",
            "implementation",
            "3",
            "finalisation",
            "4",
            "closed",
            "5",
            "cancelled",
            "6",
            "suspended");
    private static final Map<String, String> TRANSACTION_TYPES = Map.ofEntries(
            Map.entry("1", "incoming_funds"),
            Map.entry("2", "commitment"),
            Map.entry("3", "disbursement"),
            Map.entry("4", "expenditure"),
            Map.entry("5", "interest_payment"),
            Map.entry("6", "loan_repayment"),
            Map.entry("7", "reimbursement"),
            Map.entry("8", "purchase_of_equity"),
            Map.entry("9", "sale_of_equity"),
            Map.entry("10", "credit_guarantee"),
            Map.entry("11", "incoming_commitment"),
            Map.entry("12", "outgoing_pledge"),
            Map.entry("13", "incoming_pledge"));

    private final String file;
    private final UnitTree units;
    private final String sourceIdOverride;
    /** Identifiers seen in this file with their line: a second activity with the same one is a duplicate. */
    private final Map<String, Long> seen = new java.util.HashMap<>();
    /** What the warehouse can hold: a value outside it is the transaction's reject, never a failed build. */
    private final ValueRanges ranges = new ValueRanges();

    private static final org.apache.avro.LogicalTypes.Decimal AMOUNT = (org.apache.avro.LogicalTypes.Decimal)
            FundingEntry.getClassSchema().getField("amount").schema().getLogicalType();

    /**
     * @param file     the delivered file's name, for the records and rejects
     * @param units    the gazetteer's hierarchy, which {@code location/administrative} codes are looked up in
     * @param sourceId the mapping's fixed source id, or null for the reporting organisation's {@code @ref}
     */
    public IatiActivityNormaliser(String file, UnitTree units, String sourceId) {
        this.file = file;
        this.units = units;
        this.sourceIdOverride = sourceId;
    }

    public Outcome normalise(IatiActivity a) {
        if (a.id() == null) {
            return Outcome.rejected(new Reject(
                    file,
                    a.line(),
                    Rule.REQUIRED,
                    "the iati-activity on line " + a.line()
                            + " has no iati-identifier: the whole activity was left out",
                    "iati-activity"));
        }
        String id = a.id();
        Long earlier = seen.putIfAbsent(id, a.line());
        if (earlier != null) {
            return Outcome.rejected(new Reject(
                    file,
                    a.line(),
                    Rule.DUPLICATE_IN_FILE,
                    "activity " + id + " is already on line " + earlier
                            + " of this file: the second one was left out whole",
                    "iati-identifier=" + id));
        }
        String source = sourceIdOverride != null
                ? sourceIdOverride
                : a.reportingOrg() != null && a.reportingOrg().ref() != null
                        ? a.reportingOrg().ref()
                        : "iati";
        List<SpecificRecord> out = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        out.add(project(a, id, source, rejects));
        sectors(a, id, source, out);
        places(a, id, source, out);
        try {
            out.forEach(ranges::check);
        } catch (RowRejected e) {
            String shown = id.length() > 80 ? id.substring(0, 40) + "…" : id;
            return Outcome.rejected(new Reject(
                    file,
                    a.line(),
                    e.rule(),
                    "activity " + shown + " (line " + a.line() + "): " + e.getMessage()
                            + " The whole activity was left out.",
                    "iati-identifier=" + shown));
        }
        int n = 0;
        for (IatiActivity.Transaction t : a.transactions()) {
            n++;
            try {
                FundingEntry entry = entry(a, id, source, t, n);
                ranges.check(entry);
                out.add(entry);
            } catch (RowRejected e) {
                rejects.add(new Reject(
                        file,
                        t.line(),
                        e.rule(),
                        "activity " + id + ", transaction " + n + " (line " + t.line() + "): " + e.getMessage()
                                + "; the transaction was left out, the rest of the activity kept",
                        raw(id, t)));
            }
        }
        return new Outcome(out, rejects);
    }

    private Project project(IatiActivity a, String id, String source, List<Reject> rejects) {
        IatiActivity.Org org = a.reportingOrg();
        return Project.newBuilder()
                .setProjectId(id)
                .setTitle(a.title())
                .setReportingOrg(org == null ? null : org.name())
                .setReportingOrgRef(org == null ? null : org.ref())
                .setReportingOrgType(org == null ? null : org.type())
                .setInitiativeLevel(initiativeLevel(org))
                .setStatus(a.statusCode() == null ? null : STATUS.getOrDefault(a.statusCode(), a.statusCode()))
                .setStartOn(firstDate(a, id, rejects, "2", "1"))
                .setEndOn(firstDate(a, id, rejects, "4", "3"))
                .setDefaultCurrency(a.defaultCurrency())
                .setPeriod("all")
                .setSourceId(source)
                .setSourceFile(file)
                .setSourceLine(a.line())
                .build();
    }

    /** Reported by a government (10 national, 11 local): a national or local initiative; else an international one. */
    private static String initiativeLevel(IatiActivity.Org org) {
        String type = org == null ? null : org.type();
        if ("11".equals(type)) {
            return "local";
        }
        if ("10".equals(type) || "15".equals(type)) {
            return "national";
        }
        return "international";
    }

    /** The actual date when given, else the planned one; a malformed date is left empty and reported. */
    private LocalDate firstDate(IatiActivity a, String id, List<Reject> rejects, String... types) {
        for (String type : types) {
            String v = a.dates().get(type);
            if (v != null) {
                try {
                    return isoDate(v);
                } catch (DateTimeParseException e) {
                    rejects.add(new Reject(
                            file,
                            a.line(),
                            Rule.BAD_DATE,
                            "activity " + id + ": activity-date type " + type + " '" + v
                                    + "' is not a date (YYYY-MM-DD); the date was left empty, the activity kept",
                            "activity-date " + v));
                }
            }
        }
        return null;
    }

    /** Sectors as given; in each vocabulary, a lone sector without a percentage has 100, several share equally. */
    private void sectors(IatiActivity a, String id, String source, List<SpecificRecord> out) {
        Map<String, List<IatiActivity.Sector>> byVocabulary = new LinkedHashMap<>();
        for (IatiActivity.Sector s : a.sectors()) {
            if (s.code() != null && !s.code().isBlank()) {
                byVocabulary
                        .computeIfAbsent(s.vocabulary(), k -> new ArrayList<>())
                        .add(s);
            }
        }
        byVocabulary.forEach((vocabulary, list) -> {
            BigDecimal equal = HUNDRED.divide(BigDecimal.valueOf(list.size()), 4, RoundingMode.HALF_UP);
            for (IatiActivity.Sector s : list) {
                out.add(ProjectSector.newBuilder()
                        .setProjectId(id)
                        .setVocabulary(vocabulary)
                        .setSectorCode(s.code().strip())
                        .setSectorName(s.name())
                        .setPercentage(percentage(s.percentage(), equal))
                        .setPeriod("all")
                        .setSourceId(source)
                        .setSourceFile(file)
                        .setSourceLine(a.line())
                        .build());
            }
        });
    }

    /**
     * Where the money goes: when every {@code location/administrative} code is a unit of the gazetteer, their lowest
     * common unit; otherwise the recipient countries (as level-0 units) and recipient regions, by their percentages.
     */
    private void places(IatiActivity a, String id, String source, List<SpecificRecord> out) {
        List<String> codes = new ArrayList<>(new LinkedHashSet<>(a.administrativeCodes()));
        String unit = units.lowestCommon(codes);
        if (unit != null) {
            out.add(place(id, source, a.line(), "unit", unit, null, null, HUNDRED));
            return;
        }
        int n = a.countries().size() + a.regions().size();
        if (n == 0) {
            return;
        }
        BigDecimal equal = HUNDRED.divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP);
        for (IatiActivity.Recipient c : a.countries()) {
            if (c.code() != null) {
                out.add(place(
                        id,
                        source,
                        a.line(),
                        "country",
                        c.code().strip().toUpperCase(Locale.ROOT),
                        null,
                        null,
                        percentage(c.percentage(), equal)));
            }
        }
        for (IatiActivity.Recipient r : a.regions()) {
            if (r.code() != null) {
                out.add(place(
                        id,
                        source,
                        a.line(),
                        "region",
                        null,
                        r.code().strip(),
                        r.vocabulary() == null ? "1" : r.vocabulary(),
                        percentage(r.percentage(), equal)));
            }
        }
    }

    private ProjectPlace place(
            String id,
            String source,
            long line,
            String kind,
            String unit,
            String region,
            String vocabulary,
            BigDecimal share) {
        return ProjectPlace.newBuilder()
                .setProjectId(id)
                .setPlaceKind(kind)
                .setUnitCode(unit)
                .setRegionCode(region)
                .setRegionVocabulary(vocabulary)
                .setSharePct(share)
                .setPeriod("all")
                .setSourceId(source)
                .setSourceFile(file)
                .setSourceLine(line)
                .build();
    }

    private static BigDecimal percentage(String v, BigDecimal fallback) {
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            BigDecimal p = new BigDecimal(v.strip()).setScale(4, RoundingMode.HALF_UP);
            return p.signum() < 0 || p.compareTo(HUNDRED) > 0 ? fallback : p;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private FundingEntry entry(IatiActivity a, String id, String source, IatiActivity.Transaction t, int n) {
        if (t.typeCode() == null) {
            throw new RowRejected(Rule.REQUIRED, "no transaction-type code");
        }
        if (t.date() == null) {
            throw new RowRejected(Rule.REQUIRED, "no transaction-date iso-date");
        }
        if (t.value() == null) {
            throw new RowRejected(Rule.REQUIRED, "no value");
        }
        String type = TRANSACTION_TYPES.get(t.typeCode());
        if (type == null) {
            throw new RowRejected(
                    Rule.BAD_VALUE,
                    "transaction-type '" + t.typeCode() + "' is not an IATI TransactionType code (1-13)");
        }
        LocalDate on = date("transaction-date", t.date());
        LocalDate valueOn = t.valueDate() == null ? on : date("value-date", t.valueDate());
        BigDecimal amount;
        try {
            amount = new BigDecimal(t.value().strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new RowRejected(Rule.BAD_NUMBER, "value '" + t.value() + "' is not a decimal number");
        }
        // the one precision rule: more places than the warehouse keeps is bad_number, as in every other reader
        ValueRanges.decimal("value", amount, AMOUNT.getPrecision(), AMOUNT.getScale());
        amount = amount.setScale(4, RoundingMode.UNNECESSARY);
        String currency = t.currency() != null ? t.currency() : a.defaultCurrency();
        if (currency == null) {
            throw new RowRejected(Rule.REQUIRED, "the value has no currency and the activity no default-currency");
        }
        currency = IsoCodes.currency("currency", currency.strip().toUpperCase(Locale.ROOT));
        IatiActivity.Org funder = t.provider() != null
                ? t.provider()
                : "1".equals(t.typeCode()) || "11".equals(t.typeCode()) ? null : a.reportingOrg();
        return FundingEntry.newBuilder()
                .setProjectId(id)
                .setEntryId("T" + n)
                .setEntryType(type)
                .setEntryTypeCode(t.typeCode())
                .setEntryOn(on)
                .setValueOn(valueOn)
                .setAmount(amount)
                .setCurrency(currency)
                .setFunderType(funder == null ? null : funderType(funder.type()))
                .setFunderName(funder == null ? null : funder.name())
                .setFunderRef(funder == null ? null : funder.ref())
                .setReceiverName(t.receiver() == null ? null : t.receiver().name())
                .setScheme("none")
                .setUnitCode(t.countryCode() == null ? null : t.countryCode().toUpperCase(Locale.ROOT))
                .setRegionCode(t.countryCode() == null ? t.regionCode() : null)
                .setSectorCode("1".equals(t.sectorVocabulary()) ? t.sectorCode() : null)
                .setPeriod(Periods.month(on))
                .setSourceId(source)
                .setSourceFile(file)
                .setSourceLine(t.line())
                .build();
    }

    /** IATI OrganisationType to the ledger's funder types (formats README §6). */
    static String funderType(String orgType) {
        if (orgType == null) {
            return null;
        }
        return switch (orgType) {
            case "10", "15" -> "national_government";
            case "11" -> "local_authority";
            case "70", "71", "72", "73", "30" -> "private";
            default -> "donor";
        };
    }

    private static LocalDate date(String field, String v) {
        try {
            return isoDate(v);
        } catch (DateTimeParseException e) {
            throw new RowRejected(
                    Rule.BAD_DATE,
                    field + " '" + v + "' is not a date (YYYY-MM-DD, in the years " + ValueRanges.MIN_YEAR + " to "
                            + ValueRanges.MAX_YEAR + ")");
        }
    }

    /** An ISO date; a date-time (some publishers write one) is read as its date. */
    private static LocalDate isoDate(String v) {
        String s = v.strip();
        LocalDate d = LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
        if (d.getYear() < ValueRanges.MIN_YEAR || d.getYear() > ValueRanges.MAX_YEAR) {
            throw new DateTimeParseException("outside the years Mizan keeps", s, 0);
        }
        return d;
    }

    private static String raw(String id, IatiActivity.Transaction t) {
        return "iati-identifier=" + id + " transaction-type=" + nz(t.typeCode()) + " transaction-date=" + nz(t.date())
                + " value=" + nz(t.value()) + " currency=" + nz(t.currency());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
