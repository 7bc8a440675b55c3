package org.mizan.normalise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mizan.schema.PlanAllocation;
import org.mizan.source.RawRecord;

/**
 * A national plan allocation (format 7): a plan's amount for a sector in a unit and fiscal year. The fiscal year
 * is a Gregorian year ({@code 2024}) or a span ({@code 2024/25}); the amount converts at the rate of its first day.
 */
public final class PlanAllocationNormaliser extends Normaliser {

    private static final Pattern FISCAL_YEAR = Pattern.compile("(\\d{4})(?:[/-]\\d{2}(?:\\d{2})?)?");

    private final Fields f;
    private final Gazetteer gazetteer;

    public PlanAllocationNormaliser(Fields f, Gazetteer gazetteer) {
        this.f = f;
        this.gazetteer = gazetteer;
    }

    @Override
    protected List<PlanAllocation> records(RawRecord r) {
        requireAll(f, r, "plan_id", "fiscal_year", "unit_code", "sector_code", "planned_amount", "currency");
        String fy = r.get("fiscal_year");
        Matcher m = FISCAL_YEAR.matcher(fy);
        int year = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        if (year < 1950 || year > 2100) {
            throw new RowRejected(
                    Rule.BAD_VALUE,
                    "fiscal_year '" + fy + "' is not a Gregorian year (2024) or span (2024/25);"
                            + " a plan in another calendar needs a mapping that converts it");
        }
        LocalDate rateOn = LocalDate.of(year, 1, 1);
        String sector = r.get("sector_code");
        if (!LedgerEntryNormaliser.DAC5.matcher(sector).matches()) {
            throw new RowRejected(
                    Rule.BAD_VALUE, "sector_code '" + sector + "' is not an OECD DAC 5-digit purpose code");
        }
        BigDecimal amount = f.decimal("planned_amount", r.get("planned_amount"), 4);
        if (amount.signum() < 0) {
            throw new RowRejected(
                    Rule.AMOUNT_NOT_POSITIVE, "planned_amount " + r.get("planned_amount") + " is negative");
        }
        String currency = IsoCodes.currency("currency", r.get("currency").toUpperCase());
        // a plan is for its whole year: the unit must exist at the year's end
        String unit = gazetteer.check("unit_code", r.get("unit_code"), LocalDate.of(year, 12, 31));
        return List.of(PlanAllocation.newBuilder()
                .setPlanId(r.get("plan_id"))
                .setFiscalYear(fy)
                .setUnitCode(unit)
                .setSectorCode(sector)
                .setPlannedAmount(amount)
                .setCurrency(currency)
                .setRateOn(rateOn)
                .setPeriod(fy.replace('/', '-'))
                .setSourceId(sourceId(r, "plan_id"))
                .setSourceFile(r.file())
                .setSourceLine(r.line())
                .build());
    }
}
