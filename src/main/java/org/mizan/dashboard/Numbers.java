package org.mizan.dashboard;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How a number reads on a page (never in a CSV download, which keeps every digit): money ({@code _usd}, {@code amount})
 * with two decimals, percentages ({@code _pct}) with one, whole numbers as they are, all with thousands separators;
 * other decimals (scores, ratios) as the warehouse keeps them. The full value stays in the cell's tooltip.
 */
final class Numbers {

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ENGLISH);

    private Numbers() {}

    /** The value as the page shows it, or null when it is shown as it is (not a number, or nothing to format). */
    static String format(String column, Object v) {
        if (!(v instanceof Number n) || column == null) {
            return null;
        }
        BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
        String pattern;
        if (column.endsWith("_usd") || column.equals("amount") || column.startsWith("amount_")) {
            pattern = "#,##0.00";
        } else if (column.endsWith("_pct")) {
            pattern = "#,##0.0";
        } else if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof BigInteger) {
            pattern = "#,##0";
        } else {
            return null;
        }
        DecimalFormat f = new DecimalFormat(pattern, SYMBOLS);
        f.setRoundingMode(RoundingMode.HALF_UP);
        String out = f.format(d);
        return out.equals(Csv.text(v)) ? null : out;
    }
}
