package org.mizan.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.mizan.warehouse.ReadOnlyQuery.Result;

/**
 * A result as CSV (RFC 4180: a header line, fields quoted when they hold a comma, quote or line break; a text a
 * spreadsheet would run as a formula made inert, {@link org.mizan.warehouse.CsvCell}).
 */
public final class Csv {

    private Csv() {}

    public static String of(Result r) {
        StringBuilder out = new StringBuilder();
        out.append(r.columns().stream().map(Csv::field).collect(Collectors.joining(",")))
                .append('\n');
        for (List<Object> row : r.rows()) {
            out.append(row.stream().map(v -> field(text(v))).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return out.toString();
    }

    /** Writes streamed rows as CSV to {@code out}, line by line. */
    public static org.mizan.warehouse.ReadOnlyQuery.RowSink writer(java.io.Writer out) {
        return new org.mizan.warehouse.ReadOnlyQuery.RowSink() {
            @Override
            public void columns(List<String> columns) throws java.io.IOException {
                out.write(columns.stream().map(Csv::field).collect(Collectors.joining(",")));
                out.write('\n');
            }

            @Override
            public void row(List<Object> row) throws java.io.IOException {
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(field(text(row.get(i))));
                }
                out.write('\n');
            }
        };
    }

    /** A value as the dashboard shows it: decimals in plain notation, null as empty. */
    public static String text(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    private static String field(String s) {
        return org.mizan.warehouse.CsvCell.field(s);
    }
}
