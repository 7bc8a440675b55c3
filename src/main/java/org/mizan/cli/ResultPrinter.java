package org.mizan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.mizan.csv.CsvWriter;
import org.mizan.warehouse.ReadOnlyQuery.Result;
import tools.jackson.core.io.JsonStringEncoder;

/** Prints a query result as an aligned table, CSV (RFC 4180, {@link CsvWriter}) or JSON (an array of objects). */
final class ResultPrinter {

    private ResultPrinter() {}

    static void print(Result r, String format, PrintWriter out) {
        switch (format) {
            case "csv" -> csv(r, out);
            case "json" -> json(r, out);
            default -> table(r, out);
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(v);
    }

    private static void table(Result r, PrintWriter out) {
        int n = r.columns().size();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = r.columns().get(i).length();
        }
        for (List<Object> row : r.rows()) {
            for (int i = 0; i < n; i++) {
                // the last column is never cut: nothing stands to its right to misalign
                width[i] = Math.max(width[i], text(row.get(i)).length());
                width[i] = i < n - 1 ? Math.min(60, width[i]) : width[i];
            }
        }
        line(r.columns().stream().map(Object.class::cast).toList(), width, out);
        List<Object> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        line(rule, width, out);
        for (List<Object> row : r.rows()) {
            line(row, width, out);
        }
        out.printf("(%d row%s)%n", r.rows().size(), r.rows().size() == 1 ? "" : "s");
    }

    private static void line(List<Object> cells, int[] width, PrintWriter out) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String t = cells.get(i) == null ? "NULL" : text(cells.get(i));
            if (t.length() > width[i]) {
                t = t.substring(0, width[i] - 1) + "…";
            }
            boolean right = cells.get(i) instanceof Number;
            sb.append(i == 0 ? "" : "  ")
                    .append(right ? String.format("%" + width[i] + "s", t) : String.format("%-" + width[i] + "s", t));
        }
        out.println(sb.toString().stripTrailing());
    }

    /** CSV as {@link CsvWriter} writes it for people (formula guard), lines ending as the terminal's do. */
    private static void csv(Result r, PrintWriter out) {
        try {
            CsvWriter csv = CsvWriter.forPeople(out, CsvWriter.TERMINAL_LINE_END);
            csv.row(r.columns());
            for (List<Object> row : r.rows()) {
                csv.row(row);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void json(Result r, PrintWriter out) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < r.rows().size(); k++) {
            sb.append(k == 0 ? "\n  {" : ",\n  {");
            List<Object> row = r.rows().get(k);
            for (int i = 0; i < row.size(); i++) {
                sb.append(i == 0 ? "" : ", ")
                        .append(quote(r.columns().get(i)))
                        .append(": ")
                        .append(jsonValue(row.get(i)));
            }
            sb.append('}');
        }
        out.println(sb.append(r.rows().isEmpty() ? "]" : "\n]"));
    }

    private static String jsonValue(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean
                || v instanceof Integer
                || v instanceof Long
                || v instanceof BigDecimal
                || v instanceof Double
                || v instanceof Short
                || v instanceof java.math.BigInteger) {
            return text(v);
        }
        return quote(text(v));
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsCharArray(s)) + "\"";
    }
}
