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

    DelimitedSource(String file, String path, LineReader reader, Mapping mapping) throws IOException {
        super(file, path, reader, mapping);
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
                throw new MappingException(path + ": line " + start + " (header) has an unclosed quote. Check the mapping's quote character.");
            }
            if (header.offer(start, names)) {
                break;
            }
            skipped++;
        }
        skipped = Math.max(0, skipped - (mapping.table().headerRows() - 1));
        this.layout = header.layout();
    }

    @Override
    public RawRecord next() throws IOException {
        while (!ended) {
            String text = readLine();
            if (text == null) {
                return null;
            }
            long start = line;
            String[] parsed = split(text);
            StringBuilder raw = null;
            while (parsed == null) {
                // a quoted field runs over the line break: join the next physical line
                String more = readLine();
                if (more == null) {
                    return malformed(start, text, "unclosed quote at the end of the file (was the file cut short?)");
                }
                raw = raw == null ? new StringBuilder(text) : raw;
                raw.append('\n').append(more);
                parsed = split(raw.toString());
            }
            String rawText = raw == null ? text : raw.toString();
            if (isBlank(parsed)) {
                skipped++;
                if (mapping.stopAtBlankRow()) {
                    ended = true;
                    while (readLine() != null) {
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
                return malformed(start, rawText, "has " + parsed.length + " fields where the header has " + layout.width()
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

    /** Splits one record; null when a quoted field is still open at the end of the text. */
    private String[] split(String text) {
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
