package org.mizan.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data of a PostgreSQL dump's {@code COPY table (columns) FROM stdin} block, up to its {@code \.} line:
 * the column list is the header, the delimiter is the statement's own (tab unless it says otherwise), and
 * {@code \N} is null. The rest of the dump (SET, CREATE, indexes) is skipped and counted.
 */
final class PgCopySource extends LineSource {

    private static final Pattern COPY = Pattern.compile(
            "^COPY\\s+\\S+\\s*\\(([^)]*)\\)\\s+FROM\\s+stdin(?:.*DELIMITER\\s+'(.)')?.*$", Pattern.CASE_INSENSITIVE);

    private final FieldLayout layout;
    private final char delimiter;
    private boolean ended;

    PgCopySource(String file, String path, LineReader reader, Mapping mapping) throws IOException {
        super(file, path, reader, mapping);
        String text;
        Matcher m = null;
        while ((text = readLine()) != null) {
            m = COPY.matcher(text.strip());
            if (m.matches()) {
                break;
            }
            skipped++;
        }
        if (text == null) {
            throw new MappingException(
                    path + ": no 'COPY … FROM stdin' block found. Is this a PostgreSQL dump in plain format?");
        }
        this.delimiter = m.group(2) != null ? m.group(2).charAt(0) : '\t';
        String[] header = m.group(1).split(",");
        for (int i = 0; i < header.length; i++) {
            header[i] = header[i].strip().replace("\"", "");
        }
        this.layout = FieldLayout.ofHeader(mapping, header, path);
    }

    @Override
    public RawRecord next() throws IOException {
        String text;
        while (!ended && (text = readLine()) != null) {
            if ("\\.".equals(text)) {
                ended = true;
                while (readLine() != null) {
                    skipped++;
                }
                return null;
            }
            String[] cells = split(text);
            if (cells.length != layout.width()) {
                return new RawRecord(
                        file,
                        line,
                        text,
                        new String[0],
                        layout,
                        List.of(),
                        "has " + cells.length + " fields where the COPY column list has " + layout.width());
            }
            return new RawRecord(file, line, text, cells, layout, layout.wide(cells), null);
        }
        return null;
    }

    /** COPY text format: no quoting; a backslash escapes the delimiter, itself, and writes \N for null. */
    private String[] split(String text) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                switch (next) {
                    case 'N' -> cell.append("\\N");
                    case 't' -> cell.append('\t');
                    case 'n' -> cell.append('\n');
                    default -> cell.append(next);
                }
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(new String[0]);
    }
}
