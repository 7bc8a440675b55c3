package org.mizan.normalise;

import java.math.BigDecimal;
import java.util.List;

import org.mizan.schema.CorridorAggregate;
import org.mizan.source.RawRecord;

/** Checks a central bank's corridor aggregate (format 3): month, ISO country, known unit, amounts not negative. */
public final class CorridorAggregateNormaliser extends Normaliser {

    private final Fields f;
    private final Gazetteer gazetteer;

    public CorridorAggregateNormaliser(Fields f, Gazetteer gazetteer) {
        this.f = f;
        this.gazetteer = gazetteer;
    }

    @Override
    protected List<CorridorAggregate> records(RawRecord r) {
        requireAll(f, r, "period", "sender_country", "receiving_unit_code", "amount_usd", "txn_count", "reporter");
        var first = Periods.firstDayOfMonth("period", r.get("period"));
        BigDecimal usd = f.decimal("amount_usd", r.get("amount_usd"), 4);
        long count = f.integer("txn_count", r.get("txn_count"));
        if (usd.signum() < 0 || count < 0) {
            throw new RowRejected(Rule.BAD_VALUE, "amount_usd and txn_count must not be negative");
        }
        String sender = IsoCodes.country("sender_country", r.get("sender_country"));
        String unit = gazetteer.check("receiving_unit_code", r.get("receiving_unit_code"), first);
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
