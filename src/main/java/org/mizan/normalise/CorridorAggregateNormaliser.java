package org.mizan.normalise;

import java.math.BigDecimal;
import java.util.List;
import org.mizan.schema.CorridorAggregate;
import org.mizan.source.RawRecord;

/**
 * Checks a corridor aggregate: a central bank's month (format 3), or an annual estimate (a year, no count, e.g. a
 * bilateral remittance matrix unpivoted): ISO country, known unit, amounts not negative.
 */
public final class CorridorAggregateNormaliser extends Normaliser {

    private final Fields f;
    private final Gazetteer gazetteer;

    public CorridorAggregateNormaliser(Fields f, Gazetteer gazetteer) {
        this.f = f;
        this.gazetteer = gazetteer;
    }

    @Override
    protected List<CorridorAggregate> records(RawRecord r) {
        requireAll(f, r, "period", "sender_country", "receiving_unit_code", "amount_usd", "reporter");
        String period = r.get("period");
        var first = period.matches("\\d{4}")
                ? java.time.LocalDate.of(Integer.parseInt(period), 1, 1)
                : Periods.firstDayOfMonth("period", period);
        BigDecimal usd = f.decimal("amount_usd", r.get("amount_usd"), 4);
        Long count = r.get("txn_count") == null ? null : f.integer("txn_count", r.get("txn_count"));
        if (usd.signum() < 0 || (count != null && count < 0)) {
            throw new RowRejected(Rule.BAD_VALUE, "amount_usd and txn_count must not be negative");
        }
        String sender = IsoCodes.country("sender_country", r.get("sender_country"));
        String receiving = r.get("receiving_unit_code");
        // an annual estimate between countries (a bilateral matrix) names the receiving country: kept at that level
        // even when the gazetteer does not hold the country
        String unit = period.length() == 4 && receiving.matches("[A-Z]{2}") && !gazetteer.has(receiving)
                ? IsoCodes.country("receiving_unit_code", receiving)
                : gazetteer.check("receiving_unit_code", receiving, first);
        return List.of(CorridorAggregate.newBuilder()
                .setPeriod(r.get("period"))
                .setSenderCountry(sender)
                .setReceivingUnitCode(unit)
                .setAmountUsd(usd)
                .setTxnCount(count)
                .setReporter(r.get("reporter"))
                .setSourceId(sourceId(r, "reporter"))
                .setSourceFile(r.file())
                .setSourceLine(r.line())
                .build());
    }
}
