package org.mizan.source;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Finds a table's header in the rows of a CSV file or a sheet, the same way for both: at the mapping's
 * {@code header_row}, or else the first row (within {@value #SEARCH_ROWS}) whose cells satisfy the mapping's
 * required columns, so title rows above the header are skipped. A header of {@code header_rows} rows is joined cell
 * by cell with a space. Header text is compared normalised ({@link #normalise}).
 */
final class HeaderLocator {

    /** How many non-blank rows are searched for a header before the first one is taken and its error reported. */
    static final int SEARCH_ROWS = 50;

    private final Mapping mapping;
    private final String file;
    private final int rows;
    private final Deque<String[]> window = new ArrayDeque<>();
    private final Deque<Long> lines = new ArrayDeque<>();
    private String[] firstHeader;
    private long firstLine;
    private int seen;
    private FieldLayout layout;
    private final Limits limits;
    private long headerLine;

    HeaderLocator(Mapping mapping, String file) {
        this.limits = Limits.current();
        this.mapping = mapping;
        this.file = file;
        this.rows = Math.max(1, mapping.table().headerRows());
    }

    /** Header text as compared: line breaks and runs of spaces become one space, trimmed, lower case, no byte-order mark. */
    static String normalise(String h) {
        String s = h == null ? "" : h.replace("\uFEFF", "");
        return s.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Offers the next row (its first physical line) and returns true once the header is found: the rows offered after
     * it are data. Blank rows are not header rows, except inside a multi-row header at a given {@code header_row}.
     */
    boolean offer(long line, String[] cells) {
        HeaderCheck.width(cells, file, limits, line);
        int at = mapping.table().headerRow();
        if (at > 0) {
            if (line < at) {
                return false;
            }
            window.add(cells);
            lines.add(line);
            if (window.size() < rows) {
                return false;
            }
            String[] names = joined();
            layout = FieldLayout.ofHeader(mapping, names, file, lines.peekFirst());
            headerLine = lines.peekFirst();
            HeaderCheck.duplicates(names, file, headerLine);
            return true;
        }
        if (blank(cells) || title(cells)) {
            return false;
        }
        window.add(cells);
        lines.add(line);
        if (window.size() > rows) {
            window.removeFirst();
            lines.removeFirst();
        }
        if (window.size() < rows) {
            return false;
        }
        String[] header = joined();
        if (firstHeader == null) {
            firstHeader = header;
            firstLine = lines.peekFirst();
        }
        seen++;
        try {
            layout = FieldLayout.ofHeader(mapping, header, file, lines.peekFirst());
            headerLine = lines.peekFirst();
        } catch (MappingException notYet) {
            if (seen >= SEARCH_ROWS) {
                throw headerNotFound();
            }
            return false;
        }
        // found: a header that names one column twice is refused (which of the two would be read?)
        HeaderCheck.duplicates(header, file, headerLine);
        return true;
    }

    /** At the end of the rows without a header: the first candidate's error (what it lacks), or an empty file. */
    MappingException headerNotFound() {
        if (firstHeader == null) {
            return new MappingException(
                    file + ": the file is empty (no header row). Ask the source to deliver it again.");
        }
        try {
            FieldLayout.ofHeader(mapping, firstHeader, file, firstLine);
        } catch (MappingException e) {
            return e;
        }
        return new MappingException(file + ": no header row found");
    }

    FieldLayout layout() {
        return layout;
    }

    /** The physical line (or Excel row) the header starts on. */
    long headerLine() {
        return headerLine;
    }

    private String[] joined() {
        int width = 0;
        for (String[] r : window) {
            width = Math.max(width, r.length);
        }
        String[] out = new String[width];
        for (int j = 0; j < width; j++) {
            StringBuilder b = new StringBuilder();
            for (String[] r : window) {
                String c = j < r.length && r[j] != null ? r[j].strip() : "";
                if (!c.isEmpty() && !b.toString().endsWith(c)) {
                    b.append(b.isEmpty() ? "" : " ").append(c);
                }
            }
            out[j] = b.toString();
        }
        return out;
    }

    /** A row whose non-blank cells all hold the same text (a title merged across the columns) is not a header. */
    private static boolean title(String[] cells) {
        String first = null;
        int n = 0;
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                n++;
                if (first == null) {
                    first = c.strip();
                } else if (!first.equals(c.strip())) {
                    return false;
                }
            }
        }
        return n > 1;
    }

    static boolean blank(String[] cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
