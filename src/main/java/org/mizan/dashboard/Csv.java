package org.mizan.dashboard;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import org.mizan.csv.CsvWriter;
import org.mizan.warehouse.ReadOnlyQuery.Result;
import org.mizan.warehouse.ReadOnlyQuery.RowSink;

/**
 * A result as a CSV download ({@link CsvWriter} for people: RFC 4180, CRLF line ends, a text a spreadsheet would run
 * as a formula made inert, numbers as they are).
 */
public final class Csv {

    private Csv() {}

    public static String of(Result r) {
        StringWriter out = new StringWriter();
        RowSink sink = writer(out);
        try {
            sink.columns(r.columns());
            for (List<Object> row : r.rows()) {
                sink.row(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes streamed rows as CSV to {@code out}, line by line (the printer keeps no buffer of its own: the caller flushes and closes {@code out}). */
    public static RowSink writer(Writer out) {
        CsvWriter csv;
        try {
            csv = CsvWriter.forPeople(out, CsvWriter.FILE_LINE_END);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RowSink() {
            @Override
            public void columns(List<String> columns) throws IOException {
                csv.row(columns);
            }

            @Override
            public void row(List<Object> row) throws IOException {
                csv.row(row);
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
}
