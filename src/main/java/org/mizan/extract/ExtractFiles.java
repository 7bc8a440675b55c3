package org.mizan.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mizan.csv.CsvWriter;
import org.mizan.warehouse.DataDictionary;

/**
 * Writes an extract's CSV files (UTF-8, a header, RFC 4180 quoting) and its workbook (a first sheet explaining
 * every column in plain words, then one sheet per view, numbers as numbers). A suppressed cell shows
 * {@value Cells#SUPPRESSED} in both; an empty cell is a value the warehouse does not have (not reported).
 */
final class ExtractFiles {

    static final String SUPPRESSED_COLUMN = "suppressed";

    private ExtractFiles() {}

    /** What a cell shows: {@code [c]} when its column is named in the row's {@code suppressed} column. */
    static String shown(Table t, List<Object> row, int column) {
        Object v = row.get(column);
        if (v == null && isSuppressed(t, row, t.columns().get(column))) {
            return Cells.SUPPRESSED;
        }
        return Cells.text(v);
    }

    static boolean isSuppressed(Table t, List<Object> row, String column) {
        int s = t.columns().indexOf(SUPPRESSED_COLUMN);
        if (s < 0 || row.get(s) == null) {
            return false;
        }
        return Set.of(row.get(s).toString().split(",\\s*")).contains(column);
    }

    /** The view's CSV file ({@link CsvWriter} for people: RFC 4180, CRLF, UTF-8, the formula guard). */
    static void csv(Table t, Path file) throws IOException {
        try (CsvWriter w = CsvWriter.forPeople(CsvWriter.file(file), CsvWriter.FILE_LINE_END)) {
            w.row(t.columns());
            for (List<Object> row : t.rows()) {
                List<Object> cells = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    // the value itself (a number stays a number), or the suppression marker in its place
                    cells.add(row.get(i) == null ? shown(t, row, i) : row.get(i));
                }
                w.row(cells);
            }
        }
    }

    static void xlsx(List<Table> tables, Map<String, String> about, Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Sheet a = wb.createSheet("About");
            int r = 0;
            for (var e : about.entrySet()) {
                line(a, r++, bold, e.getKey(), e.getValue());
            }
            r++;
            line(a, r++, bold, "sheet", "column", "what it means");
            Map<String, Map<String, String>> meanings = meanings();
            for (Table t : tables) {
                line(a, r++, bold, t.name(), "", t.view().description());
                for (String c : t.columns()) {
                    line(a, r++, null, t.name(), c, meaning(meanings, t.name(), c));
                }
            }
            a.setColumnWidth(0, 30 * 256);
            a.setColumnWidth(1, 28 * 256);
            a.setColumnWidth(2, 120 * 256);
            for (Table t : tables) {
                Sheet s = wb.createSheet(t.name());
                Row h = s.createRow(0);
                for (int i = 0; i < t.columns().size(); i++) {
                    Cell c = h.createCell(i);
                    c.setCellValue(t.columns().get(i));
                    c.setCellStyle(bold);
                }
                int n = 1;
                for (List<Object> row : t.rows()) {
                    Row x = s.createRow(n++);
                    for (int i = 0; i < row.size(); i++) {
                        value(x.createCell(i), row.get(i), shown(t, row, i));
                    }
                }
                s.createFreezePane(0, 1);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private static void value(Cell c, Object v, String shown) {
        if (v instanceof BigDecimal d) {
            c.setCellValue(d.doubleValue());
        } else if (v instanceof Number n) {
            c.setCellValue(n.doubleValue());
        } else if (v instanceof Boolean b) {
            c.setCellValue(b);
        } else if (!shown.isEmpty()) {
            c.setCellValue(shown);
        }
    }

    private static void line(Sheet s, int r, CellStyle style, String... cells) {
        Row row = s.createRow(r);
        for (int i = 0; i < cells.length; i++) {
            Cell c = row.createCell(i);
            c.setCellValue(cells[i]);
            if (style != null && i == 0) {
                c.setCellStyle(style);
            }
        }
    }

    private static Map<String, Map<String, String>> meanings() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (DataDictionary.View v : DataDictionary.views()) {
            out.put(v.name(), v.columns());
        }
        return out;
    }

    /** A column's meaning from the data dictionary, in plain words (no Markdown). */
    static String meaning(Map<String, Map<String, String>> meanings, String view, String column) {
        if (column.equals(SUPPRESSED_COLUMN)) {
            return "the cells of this row withheld by disclosure control: they show " + Cells.SUPPRESSED
                    + " because a count of persons below the threshold could be read or worked out from them";
        }
        String m = meanings.getOrDefault(view, Map.of()).get(column);
        if (m == null) {
            throw new IllegalStateException(
                    "extract column " + view + "." + column + " has no meaning in the data dictionary");
        }
        String plain = m.replace("`", "");
        return view.equals("remittance_cost") ? plain + " (transactions received in the region only)" : plain;
    }
}
