package org.mizan.normalise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mizan.schema.CorridorCost;
import org.mizan.source.RawRecord;

/** A published corridor cost table (World Bank RPW): one record per corridor and quarter that has a value. */
public final class CorridorCostNormaliser extends Normaliser {

    private final Fields f;

    public CorridorCostNormaliser(Fields f) {
        this.f = f;
    }

    @Override
    protected boolean readsWideRows() {
        return true;
    }

    @Override
    protected List<CorridorCost> records(RawRecord r) {
        requireAll(f, r, "sender_country", "receiving_country");
        boolean alpha3 = "alpha3".equals(r.mapping().countryCodes());
        String sender = alpha3
                ? IsoCodes.countryAlpha3("sender_country", r.get("sender_country"))
                : IsoCodes.country("sender_country", r.get("sender_country"));
        String receiver = alpha3
                ? IsoCodes.countryAlpha3("receiving_country", r.get("receiving_country"))
                : IsoCodes.country("receiving_country", r.get("receiving_country"));
        List<CorridorCost> out = new ArrayList<>();
        for (Map.Entry<String, String> cell : r.wide()) {
            String quarter = cell.getKey();
            if (!quarter.matches("\\d{4}-Q[1-4]")) {
                throw new RowRejected(Rule.BAD_DATE, "column for '" + quarter + "' is not a quarter (YYYY-Qn)");
            }
            double cost =
                    f.decimal("avg_cost_pct " + quarter, cell.getValue(), 16).doubleValue();
            out.add(CorridorCost.newBuilder()
                    .setQuarter(quarter)
                    .setPeriod(quarter)
                    .setSenderCountry(sender)
                    .setReceivingCountry(receiver)
                    .setAvgCostPct(cost)
                    .setSourceId(sourceId(r, "source_id"))
                    .setSourceFile(r.file())
                    .setSourceLine(r.line())
                    .build());
        }
        return out;
    }
}
