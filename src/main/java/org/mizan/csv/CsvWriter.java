package org.mizan.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Every CSV Mizan writes goes through this class: Apache Commons CSV's RFC 4180 printer, so a field is quoted when it
 * holds a comma, a quote (doubled inside), a line break, starts with a character up to {@code #} (a space, {@code !},
 * {@code #}) or ends with a blank, and a first field that is an empty text is written {@code ""} (a null is an empty field, never
 * quoted); all other fields as they are.
 *
 * <ul>
 *   <li><b>Encoding</b>: UTF-8, without a byte-order mark ({@link #file}): every CSV reader takes it; a spreadsheet
 *       user opens the file through "Data, From Text/CSV" with UTF-8 (extracts also come as a workbook).
 *   <li><b>Line ends</b>: CRLF ({@value #FILE_LINE_END}, as RFC 4180 says) in every file. Standard output
 *       ({@code mizan query|rejects|flags --format csv}) ends its lines with LF like the rest of the terminal output.
 *   <li><b>Formula guard</b> ({@link #forPeople}, for files opened in spreadsheets: extracts, {@code CHANGES.csv},
 *       dashboard downloads, the commands' CSV output): a text cell starting with {@code =}, {@code +}, {@code -},
 *       {@code @}, a tab or a carriage return is written with a leading apostrophe, as OWASP's "CSV injection" page
 *       advises, so that Excel and LibreOffice show it as text. Numbers are never changed: a number value (a
 *       {@link Number}, such as {@code -12.5} in an amount column) is written as it is, and so is a text that is a
 *       plain decimal number ({@code -0.5}, {@code +4}, {@code 1e5}).
 *   <li><b>Verbatim</b> ({@link #verbatim}): files Mizan reads back itself (the quarantine, the approval snapshot)
 *       keep every value exactly, unguarded.
 * </ul>
 *
 * A value is written as text: null as an empty field, a {@link BigDecimal} in plain notation, anything else by its
 * {@code toString}.
 */
public final class CsvWriter implements Closeable, Flushable {

    /** The line end of every CSV file Mizan writes. */
    public static final String FILE_LINE_END = "\r\n";

    /** The line end of CSV printed to standard output. */
    public static final String TERMINAL_LINE_END = "\n";

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;
    private final boolean guarded;

    private CsvWriter(Appendable out, String lineEnd, boolean guarded) throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setRecordSeparator(lineEnd)
                .setQuoteMode(QuoteMode.MINIMAL)
                .get();
        this.printer = new CSVPrinter(out, format);
        this.guarded = guarded;
    }

    /** A CSV people open in spreadsheets, lines ending in {@code lineEnd}: text that looks like a formula guarded. */
    public static CsvWriter forPeople(Appendable out, String lineEnd) throws IOException {
        return new CsvWriter(out, lineEnd, true);
    }

    /** A CSV file Mizan reads back: every value as it is, CRLF line ends. */
    public static CsvWriter verbatim(Appendable out) throws IOException {
        return new CsvWriter(out, FILE_LINE_END, false);
    }

    /** A new (or emptied) UTF-8 file without a byte-order mark, buffered, to give to a writer. */
    public static Writer file(Path file, StandardOpenOption... options) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, options);
    }

    /** Writes one record. */
    public void row(List<?> values) throws IOException {
        for (Object v : values) {
            printer.print(cell(v, guarded));
        }
        printer.println();
    }

    /** Writes one record. */
    public void row(Object... values) throws IOException {
        row(java.util.Arrays.asList(values));
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    /** Flushes and closes the output (a writer over standard output is flushed, never closed). */
    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    /** A value as its field's text, before quoting: guarded when asked and it is text a spreadsheet would run. */
    static String cell(Object v, boolean guard) {
        if (v == null) {
            return null; // Commons CSV writes null as an empty field, never quoted
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        String s = v.toString();
        return guard && !(v instanceof Number) && !(v instanceof Boolean) ? guarded(s) : s;
    }

    /** The text with a leading apostrophe when a spreadsheet would take it for a formula (a plain number is kept). */
    public static String guarded(String s) {
        if (s.isEmpty()
                || FORMULA_STARTS.indexOf(s.charAt(0)) < 0
                || NUMBER.matcher(s).matches()) {
            return s;
        }
        return "'" + s;
    }
}
