package org.mizan.source;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * A sheet of an XLSX workbook (format: xlsx), streamed row by row ({@link SheetRows}): the mapping's sheet (by name
 * or position; the first by default), its header found by {@link HeaderLocator} (title rows above it skipped,
 * multi-row headers joined), each later row a record numbered as Excel numbers rows, until the footer rule or the
 * end of the sheet. Cells are read by type: dates in the mapping's date pattern (ISO without one).
 */
final class XlsxSource implements RecordSource {

    private final String file;
    private final Mapping mapping;
    private final XlsxWorkbook book;
    private final SheetRows rows;
    private final FieldLayout layout;
    private long line;
    private long skipped;
    private boolean ended;

    XlsxSource(String file, Path path, Mapping mapping) throws IOException {
        this.file = file;
        this.mapping = mapping;
        DateTimeFormatter dates = mapping.datePattern() == null
                ? DateTimeFormatter.ISO_LOCAL_DATE
                : DateTimeFormatter.ofPattern(mapping.datePattern());
        this.book = XlsxWorkbook.open(path);
        try {
            this.rows = new SheetRows(book, book.sheet(mapping.table().sheet(), path), dates);
            HeaderLocator header = new HeaderLocator(mapping, path.toString());
            while (true) {
                SheetRows.Row r = rows.next();
                if (r == null) {
                    throw header.headerNotFound();
                }
                line = r.number();
                if (header.offer(r.number(), trimTrailingEmpty(r.cells()))) {
                    break;
                }
            }
            this.layout = header.layout();
            skipped = Math.max(0, header.headerLine() - 1);
        } catch (IOException | RuntimeException e) {
            book.close();
            if (e instanceof IOException io) {
                throw new MappingException(path + ": cannot be read as an XLSX workbook (" + io.getMessage() + ")");
            }
            throw e;
        }
    }

    @Override
    public RawRecord next() throws IOException {
        while (!ended) {
            SheetRows.Row r = rows.next();
            if (r == null) {
                return null;
            }
            long at = r.number();
            skipped += Math.max(0, at - line - 1);
            line = at;
            String[] cells = Arrays.copyOf(r.cells(), layout.width());
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i] == null ? "" : cells[i];
            }
            if (HeaderLocator.blank(cells)) {
                skipped++;
                if (mapping.stopAtBlankRow()) {
                    ended = true;
                    return null;
                }
                continue;
            }
            if (mapping.table().isFooter(r.cells())) {
                skipped++;
                ended = true;
                return null;
            }
            return new RawRecord(file, at, String.join(",", cells), cells, layout, layout.wide(cells), null);
        }
        return null;
    }

    private static String[] trimTrailingEmpty(String[] cells) {
        int n = cells.length;
        while (n > 0 && (cells[n - 1] == null || cells[n - 1].isBlank())) {
            n--;
        }
        return Arrays.copyOf(cells, n);
    }

    @Override
    public long skippedLines() {
        return skipped;
    }

    @Override
    public long linesConsumed() {
        return line;
    }

    @Override
    public void skipTo(long target, long skippedBefore) throws IOException {
        while (line < target) {
            SheetRows.Row r = rows.next();
            if (r == null) {
                break;
            }
            line = r.number();
        }
        skipped = skippedBefore;
    }

    @Override
    public void close() throws IOException {
        try {
            rows.close();
        } finally {
            book.close();
        }
    }
}
