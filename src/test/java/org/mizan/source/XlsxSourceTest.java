package org.mizan.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming workbook reader on workbooks made here: sheets, header rows, merged cells, cell types, footers. */
class XlsxSourceTest {

    @TempDir
    Path dir;

    private static Mapping mapping(String extra) {
        String yaml = "dataset: plan_allocations\nformat: xlsx\ndate_pattern: dd.MM.yyyy\n" + extra
                + "columns:\n  plan_id: [Plan]\n  fiscal_year: [Fiscal year]\n  unit_code: [Unit code]\n  sector_code: [Sector]\n"
                + "  planned_amount: [Amount planned]\n  currency: [Currency]\nrequired: [plan_id, unit_code, planned_amount]\n";
        return MappingLoader.parse("t", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yml");
    }

    /** A workbook: a notes sheet, then "Plan" with a merged title, a blank row, a two-row header, rows, a footer. */
    private Path workbook() throws IOException {
        Path file = dir.resolve("plan.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("About this file");
            Sheet s = wb.createSheet("Plan");
            s.createRow(0).createCell(0).setCellValue("National plan allocations 2024");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
            Row top = s.createRow(2);
            top.createCell(0).setCellValue("Plan");
            top.createCell(1).setCellValue("Fiscal\nyear");
            top.createCell(2).setCellValue("Unit");
            top.createCell(4).setCellValue("Amount");
            s.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
            s.addMergedRegion(new CellRangeAddress(2, 3, 1, 1));
            s.addMergedRegion(new CellRangeAddress(2, 2, 2, 3));
            Row sub = s.createRow(3);
            sub.createCell(2).setCellValue("code");
            sub.createCell(3).setCellValue("Sector");
            sub.createCell(4).setCellValue("planned");
            sub.createCell(5).setCellValue("Currency");
            sub.createCell(6).setCellValue("Approved  on");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle zeros = wb.createCellStyle();
            zeros.setDataFormat(wb.createDataFormat().getFormat("00000"));
            Row r = s.createRow(4);
            r.createCell(0).setCellValue("NP-16TH");
            r.createCell(1).setCellValue(2024);
            r.createCell(2).setCellValue("NP-P1");
            r.createCell(3).setCellValue(3112);
            r.getCell(3).setCellStyle(zeros);
            r.createCell(4).setCellValue(1250000000.5);
            r.createCell(5).setCellValue("NPR");
            r.createCell(6).setCellValue(LocalDate.of(2024, 3, 2));
            r.getCell(6).setCellStyle(date);
            Row merged = s.createRow(5);
            merged.createCell(0).setCellValue("NP-16TH");
            merged.createCell(1).setCellValue(2024);
            merged.createCell(2).setCellValue("NP-P2");
            merged.createCell(3).setCellValue("11220");
            merged.createCell(4).setCellValue(0.1 + 0.2);
            merged.createCell(5).setCellValue("NPR");
            s.addMergedRegion(new CellRangeAddress(5, 6, 0, 0));
            Row below = s.createRow(6);
            below.createCell(1).setCellValue(true);
            below.createCell(2).setCellValue("NP-P3");
            below.createCell(4).setCellFormula("2*3");
            s.createRow(8).createCell(0).setCellValue("Note: amounts in rupees");
            s.createRow(9).createCell(0).setCellValue("NP-AFTER-THE-FOOTER");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        return file;
    }

    private static List<String> read(Path file, Mapping m) throws IOException {
        List<String> out = new ArrayList<>();
        try (RecordSource s = SourceFiles.open(file, m)) {
            RawRecord r;
            while ((r = s.next()) != null) {
                out.add(r.line() + ": " + String.join("|", r.cells()));
            }
            out.add("skipped " + s.skippedLines());
        }
        return out;
    }

    @Test
    void aNamedSheetsTitleIsSkippedItsTwoRowHeaderJoinedItsCellsReadByTypeUntilTheFooter() throws IOException {
        // given / when
        List<String> rows = read(workbook(), remapped());
        // then the merged "Plan" and "Unit" header cells cover their columns, joined with the row below
        assertThat(rows)
                .containsExactly(
                        "5: NP-16TH|2024|NP-P1|03112|1250000000.5|NPR|02.03.2024",
                        "6: NP-16TH|2024|NP-P2|11220|0.30000000000000004|NPR|",
                        "7: NP-16TH|true|NP-P3||6||",
                        "skipped 4");
    }

    private Mapping remapped() {
        String yaml = "dataset: plan_allocations\nformat: xlsx\ndate_pattern: dd.MM.yyyy\nsheet: plan\nheader_rows: 2\n"
                + "footer: '(?i)^note.*'\ncolumns:\n  plan_id: [Plan]\n  fiscal_year: [Fiscal year]\n  unit_code: [Unit code]\n"
                + "  sector_code: [Unit Sector]\n  planned_amount: [Amount planned]\n  currency: [Currency]\n"
                + "required: [plan_id, unit_code, planned_amount]\n";
        return MappingLoader.parse("t", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yml");
    }

    @Test
    void aSheetMayBeGivenByPositionAndAMissingOneIsNamedWithTheSheetsThereAre() throws IOException {
        Path file = workbook();
        Mapping byPosition = MappingLoader.parse(
                "t",
                new ByteArrayInputStream(("dataset: plan_allocations\nformat: xlsx\nsheet: 2\n"
                                + "header_row: 3\nheader_rows: 2\ncolumns:\n  plan_id: [Plan]\n  unit_code: [Unit code]\nrequired: [plan_id, unit_code]\n")
                        .getBytes(StandardCharsets.UTF_8)),
                "t.yml");
        assertThat(read(file, byPosition)).startsWith("5: NP-16TH|2024|NP-P1|03112|1250000000.5|NPR|2024-03-02");
        assertThatThrownBy(() -> read(file, mapping("sheet: Allocations\n")))
                .hasMessage(file
                        + ": has no sheet 'Allocations' (its sheets: Notes, Plan). Set sheet: in the mapping to one of them,"
                        + " by name or position from 1.");
    }

    @Test
    void aHeaderThatIsNotThereIsReportedWithWhatTheFirstCandidateLacks() throws IOException {
        Path file = workbook();
        assertThatThrownBy(() -> read(file, mapping("")))
                .hasMessageStartingWith(
                        file + ": line 1 (header) lacks required column(s) plan_id [Plan], unit_code [Unit code],"
                                + " planned_amount [Amount planned]; found 1 columns: About this file.");
    }
}
