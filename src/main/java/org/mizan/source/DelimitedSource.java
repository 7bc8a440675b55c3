package org.mizan.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Delimited text (RFC 4180 quoting, any delimiter, quoted fields over several lines) read through a mapping. */
final class DelimitedSource extends LineSource {

    private final FieldLayout layout;
    private final List<String> cells = new ArrayList<>(32);
    private final StringBuilder cell = new StringBuilder(64);
    private boolean ended;
    private final Limits limits;
    private final java.util.ArrayDeque<Line> pending = new java.util.ArrayDeque<>();

    DelimitedSource(String file, String path, LineReader reader, Mapping mapping) throws IOException {
        super(file, path, reader, mapping);
        this.limits = Limits.current();
        HeaderLocator header = new HeaderLocator(mapping, path);
        while (true) {
            String text = readLine();
            if (text == null) {
                if (line == 0) {
                    throw new MappingException(path + ": the file is empty. Ask the source to deliver it again.");
                }
                throw header.headerNotFound();
            }
            long start = line;
            String[] names = split(text);
            // a header cell may hold a line break inside its quotes ("Income\nClassification"): join the next line
            for (int more = 0; names == null && more < 20; more++) {
                String next = readLine();
                if (next == null) {
                    break;
                }
                text = text + "\n" + next;
                names = split(text);
            }
            if (names == null) {
                throw new MappingException(path + ": line " + start
                        + " (header) has an unclosed quote. Check the mapping's quote character.");
            }
            if (header.offer(start, names)) {
                break;
            }
            skipped++;
        }
        skipped = Math.max(0, skipped - (mapping.table().headerRows() - 1));
        this.layout = header.layout();
    }

    /** One physical line, with why it cannot be data when it holds a NUL byte. */
    private record Line(String text, String nul) {}

    /**
     * The next physical line: first those given back by a quoted field that did not close into a record, then the
     * file's own.
     */
    private Line nextLine() throws IOException {
        if (!pending.isEmpty()) {
            line++;
            return pending.poll();
        }
        String text = readLine();
        return text == null ? null : new Line(text, nulByte());
    }

    @Override
    public RawRecord next() throws IOException {
        while (!ended) {
            Line first = nextLine();
            if (first == null) {
                return null;
            }
            long start = line;
            if (first.nul() != null) {
                return malformed(start, first.text().replace('\0', '\u2400'), first.nul());
            }
            String text = first.text();
            String[] parsed = split(text);
            String rawText = text;
            if (parsed == null) {
                // a quoted field runs over the line break: join the next physical lines, up to the limit
                List<Line> taken = new ArrayList<>();
                StringBuilder raw = new StringBuilder(text);
                boolean atEnd = false;
                while (parsed == null && taken.size() < limits.quotedLines() && raw.length() <= limits.lineBytes()) {
                    Line more = nextLine();
                    if (more == null) {
                        atEnd = true;
                        break;
                    }
                    taken.add(more);
                    if (more.nul() != null) {
                        break;
                    }
                    raw.append('\n').append(more.text());
                    parsed = split(raw.toString(), true);
                }
                if (parsed == null || parsed.length != layout.width()) {
                    // the quote does not close into a record of the file's shape: this line alone is malformed, and
                    // the lines after it are read again on their own (a stray quote must not swallow good rows)
                    line -= taken.size();
                    pending.addAll(taken);
                    return malformed(
                            start,
                            text,
                            taken.isEmpty() && atEnd
                                    ? "unclosed quote at the end of the file (was the file cut short?)"
                                    : "has a quote that is not closed into a record of " + layout.width()
                                            + " fields within "
                                            + limits.quotedLines()
                                            + " lines: the line was left out and the lines after it were read"
                                            + " on their own (" + Limits.QUOTED_LINES
                                            + " sets how many lines a quoted value may span)");
                }
                rawText = raw.toString();
            }
            if (isBlank(parsed)) {
                skipped++;
                if (mapping.stopAtBlankRow()) {
                    ended = true;
                    while (nextLine() != null) {
                        skipped++;
                    }
                    return null;
                }
                continue;
            }
            if (mapping.table().isFooter(parsed)) {
                ended = true;
                skipped++;
                while (readLine() != null) {
                    skipped++;
                }
                return null;
            }
            if (parsed.length != layout.width()) {
                return malformed(
                        start,
                        rawText,
                        "has " + parsed.length + " fields where the header has " + layout.width()
                                + " (a delimiter inside an unquoted value, or a line cut short)");
            }
            return new RawRecord(file, start, rawText, parsed, layout, layout.wide(parsed), null);
        }
        return null;
    }

    private RawRecord malformed(long at, String raw, String why) {
        return new RawRecord(file, at, raw, new String[0], layout, List.of(), why);
    }

    private static boolean isBlank(String[] parsed) {
        for (String p : parsed) {
            if (!p.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A record spanning lines whose closing quote is followed by more than a delimiter: no record at all. */
    private static final String[] BROKEN = new String[0];

    private String[] split(String text) {
        return split(text, false);
    }

    /**
     * Splits one record; null when a quoted field is still open at the end of the text. {@code strict} (for a
     * record joined over several lines): a closing quote must end its field, else {@link #BROKEN}.
     */
    private String[] split(String text, boolean strict) {
        char quote = mapping.quote();
        if (quote == '\0' || text.indexOf(quote) < 0) {
            return splitPlain(text);
        }
        cells.clear();
        cell.setLength(0);
        char delim = mapping.delimiter();
        boolean quoted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == quote) {
                    if (i + 1 < n && text.charAt(i + 1) == quote) {
                        cell.append(quote);
                        i++;
                    } else {
                        quoted = false;
                        if (strict && i + 1 < n && text.charAt(i + 1) != delim) {
                            return BROKEN;
                        }
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == delim) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == quote && quote != '\0' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString());
        return cells.toArray(new String[0]);
    }

    /** The common case, a line without quotes: cut at each delimiter. */
    private String[] splitPlain(String text) {
        char delim = mapping.delimiter();
        int n = 1;
        for (int i = text.indexOf(delim); i >= 0; i = text.indexOf(delim, i + 1)) {
            n++;
        }
        String[] out = new String[n];
        int start = 0;
        for (int k = 0; k < n - 1; k++) {
            int end = text.indexOf(delim, start);
            out[k] = text.substring(start, end);
            start = end + 1;
        }
        out[n - 1] = text.substring(start);
        return out;
    }
}
