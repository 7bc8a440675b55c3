package org.mizan.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import org.mizan.warehouse.ReadOnlyQuery.Result;

/** A result as CSV (RFC 4180: a header line, fields quoted when they hold a comma, quote or line break). */
public final class Csv {

    private Csv() {
    }

    public static String of(Result r) {
        StringBuilder out = new StringBuilder();
        out.append(r.columns().stream().map(Csv::field).collect(Collectors.joining(","))).append('\n');
        for (List<Object> row : r.rows()) {
            out.append(row.stream().map(v -> field(text(v))).collect(Collectors.joining(","))).append('\n');
        }
        return out.toString();
    }

    /** A value as the dashboard shows it: decimals in plain notation, null as empty. */
    public static String text(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    private static String field(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
