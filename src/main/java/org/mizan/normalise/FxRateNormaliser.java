package org.mizan.normalise;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mizan.schema.FxRate;
import org.mizan.source.RawRecord;

/**
 * FX rates as units per US dollar. A long file (format 8) gives one rate a row; a wide file quoted against
 * another base (the ECB's per-euro file) gives one rate per currency column, crossed through that row's USD rate.
 */
public final class FxRateNormaliser extends Normaliser {

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private final Fields f;

    public FxRateNormaliser(Fields f) {
        this.f = f;
    }

    @Override
    protected boolean readsWideRows() {
        return true;
    }

    @Override
    protected List<FxRate> records(RawRecord r) {
        f.required(r, "rate_date");
        LocalDate date = f.date("rate_date", r.get("rate_date"));
        String base = r.mapping().baseCurrency();
        if (r.mapping().unpivot() == null) {
            requireAll(f, r, "currency", "per_usd");
            BigDecimal perUsd = positive("per_usd", r.get("per_usd"));
            return List.of(rate(r, date, IsoCodes.currency("currency", r.get("currency")), perUsd));
        }
        BigDecimal usdPerBase = null;
        for (Map.Entry<String, String> cell : r.wide()) {
            if ("USD".equals(cell.getKey())) {
                usdPerBase = positive("USD", cell.getValue());
            }
        }
        if (usdPerBase == null && !"USD".equals(base)) {
            throw new RowRejected(Rule.REQUIRED, "no USD rate on " + date + " to cross the " + base + " rates through");
        }
        List<FxRate> out = new ArrayList<>();
        if (!"USD".equals(base)) {
            // one USD buys 1/usdPerBase units of the base currency
            out.add(rate(
                    r, date, IsoCodes.currency("base_currency", base), BigDecimal.ONE.divide(usdPerBase, PRECISION)));
        }
        for (Map.Entry<String, String> cell : r.wide()) {
            if ("USD".equals(cell.getKey())) {
                continue;
            }
            BigDecimal perBase = positive(cell.getKey(), cell.getValue());
            BigDecimal perUsd = "USD".equals(base) ? perBase : perBase.divide(usdPerBase, PRECISION);
            out.add(rate(r, date, IsoCodes.currency("currency", cell.getKey()), perUsd));
        }
        return out;
    }

    private BigDecimal positive(String field, String v) {
        BigDecimal d = f.decimal(field, v, 12);
        if (d.signum() <= 0) {
            throw new RowRejected(Rule.BAD_VALUE, field + " rate " + v + " is not above zero");
        }
        return d;
    }

    private static FxRate rate(RawRecord r, LocalDate date, String currency, BigDecimal perUsd) {
        return FxRate.newBuilder()
                .setRateDate(date)
                .setCurrency(currency)
                .setPerUsd(perUsd.setScale(8, RoundingMode.HALF_UP))
                .setPeriod(Periods.month(date))
                .setSourceId(sourceId(r, "source_id"))
                .setSourceFile(r.file())
                .setSourceLine(r.line())
                .build();
    }
}
