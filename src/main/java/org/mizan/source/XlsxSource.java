package org.mizan.source;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The first sheet of an XLSX workbook (format: xlsx): its first non-empty row is the header, each later row a
 * record, numbered as Excel numbers rows. Text cells are read as they are; date cells are written in the
 * mapping's date pattern (ISO without one), so the checks read them like the dates of a CSV; whole numbers
 * lose Excel's ".0".
 */
final class XlsxSource implements RecordSource {

    private final String file;
    private final Mapping mapping;
    private final Workbook workbook;
    private OPCPackage pkg;
    private final Iterator<Row> rows;
    private final FieldLayout layout;
    private final DateTimeFormatter dates;
    private long line;
    private long skipped;

    XlsxSource(String file, Path path, Mapping mapping) throws IOException {
        this.file = file;
        this.mapping = mapping;
        this.dates = mapping.datePattern() == null ? DateTimeFormatter.ISO_LOCAL_DATE : DateTimeFormatter.ofPattern(mapping.datePattern());
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(path)) {
            in.readNBytes(magic, 0, 4);
        }
        if (magic[0] != 'P' || magic[1] != 'K') {
            throw new MappingException(path + ": is not an XLSX workbook (no zip signature). If it is a CSV export, use a csv mapping;"
                    + " if it is an old .xls, save it as .xlsx.");
        }
        try {
            // read-only: a workbook opened read-write is saved back into the delivered file on close
            this.pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
            this.workbook = new XSSFWorkbook(pkg);
        } catch (Exception e) {
            if (pkg != null) {
                pkg.revert();
            }
            throw new MappingException(path + ": cannot be read as an XLSX workbook (" + e.getClass().getSimpleName()
                    + "): the file may have been cut short in transfer. Ask the source to export it again.");
        }
        if (workbook.getNumberOfSheets() == 0) {
            throw new MappingException(path + ": the workbook has no sheet. Ask the source to export it again.");
        }
        Sheet sheet = workbook.getSheetAt(0);
        this.rows = sheet.iterator();
        String[] header = null;
        while (rows.hasNext()) {
            Row r = rows.next();
            String[] cells = cells(r, Math.max(0, r.getLastCellNum()));
            line = r.getRowNum() + 1;
            if (!blank(cells)) {
                header = trimTrailingEmpty(cells);
                break;
            }
        }
        if (header == null) {
            throw new MappingException(path + ": the file is empty (its first sheet has no rows). Ask the source to deliver it again.");
        }
        this.layout = FieldLayout.ofHeader(mapping, header, path.toString());
    }

    @Override
    public RawRecord next() {
        while (rows.hasNext()) {
            Row r = rows.next();
            long at = r.getRowNum() + 1;
            skipped += Math.max(0, at - line - 1);
            line = at;
            String[] cells = cells(r, layout.width());
            if (blank(cells)) {
                skipped++;
                continue;
            }
            return new RawRecord(file, at, String.join(",", cells), cells, layout, List.of(), null);
        }
        return null;
    }

    private String[] cells(Row r, int width) {
        String[] out = new String[width];
        for (int i = 0; i < width; i++) {
            Cell c = r.getCell(i);
            out[i] = c == null ? "" : text(c);
        }
        return out;
    }

    private String text(Cell c) {
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        return switch (type) {
            case STRING -> c.getStringCellValue();
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(c)) {
                    LocalDateTime d = c.getLocalDateTimeCellValue();
                    yield d == null ? "" : d.toLocalDate().format(dates);
                }
                yield BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString();
            }
            case BOOLEAN -> String.valueOf(c.getBooleanCellValue());
            default -> "";
        };
    }

    private static boolean blank(String[] cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String[] trimTrailingEmpty(String[] cells) {
        int n = cells.length;
        while (n > 0 && cells[n - 1].isBlank()) {
            n--;
        }
        return java.util.Arrays.copyOf(cells, n);
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
    public void skipTo(long target, long skippedBefore) {
        while (line < target && rows.hasNext()) {
            line = rows.next().getRowNum() + 1;
        }
        skipped = skippedBefore;
    }

    @Override
    public void close() {
        // revert, not close: nothing is ever written back to the delivered file
        pkg.revert();
    }
}
