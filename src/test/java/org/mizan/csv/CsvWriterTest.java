package org.mizan.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bytes of the one CSV writer: quoting, line ends, encoding, the formula guard and numbers. */
class CsvWriterTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsUtf8WithoutAByteOrderMarkWithCrlfLineEndsAndRfc4180Quoting() throws IOException {
        // given
        Path f = dir.resolve("out.csv");

        // when
        try (CsvWriter csv = CsvWriter.forPeople(CsvWriter.file(f), CsvWriter.FILE_LINE_END)) {
            csv.row("unit_code", "name", "amount_usd");
            csv.row("NP-P1", "Koshi, \"East\"", new BigDecimal("1E+3"));
            csv.row("TJ-SU", "Хатлон\r\nline two", null);
            csv.row("NP-P2", "", 7L);
        }

        // then: the exact bytes
        byte[] expected = ("unit_code,name,amount_usd\r\n"
                        + "NP-P1,\"Koshi, \"\"East\"\"\",1000\r\n"
                        + "TJ-SU,\"Хатлон\r\nline two\",\r\n"
                        + "NP-P2,,7\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Files.readAllBytes(f)).isEqualTo(expected);
        assertThat(Files.readAllBytes(f)[0]).isEqualTo((byte) 'u'); // no EF BB BF in front
    }

    @Test
    void aTextASpreadsheetWouldRunGetsAnApostropheWhileNumbersStayNumbers() throws IOException {
        // given
        StringWriter out = new StringWriter();
        CsvWriter csv = CsvWriter.forPeople(out, CsvWriter.FILE_LINE_END);

        // when
        csv.row("=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1");
        csv.row(new BigDecimal("-12.5"), -7, -0.5d, "-12.5", "+4", "1e5");
        csv.row("Dhankuta = 1st", "a-b", "", Boolean.TRUE, "-", "'=already");
        csv.flush();

        // then
        assertThat(out.toString())
                .isEqualTo("'=1+1,'+cmd|' /C calc'!A0,'-2+3,'@SUM(A1),'\t=1,\"'\r=1\"\r\n"
                        + "-12.5,-7,-0.5,-12.5,+4,1e5\r\n"
                        + "Dhankuta = 1st,a-b,,true,'-,'=already\r\n");
    }

    @Test
    void verbatimKeepsEveryValueAsItIs() throws IOException {
        // given
        StringWriter out = new StringWriter();
        CsvWriter csv = CsvWriter.verbatim(out);

        // when: a quarantine row whose raw text starts like a formula
        csv.row("feed.csv", 12L, "bad_amount", "amount '=1+1' is not a number", "=1+1,-3,\"x\"");
        csv.row(Arrays.asList(null, 13L, "bad_amount", null, "-3"));
        csv.flush();

        // then
        assertThat(out.toString())
                .isEqualTo("feed.csv,12,bad_amount,amount '=1+1' is not a number,\"=1+1,-3,\"\"x\"\"\"\r\n"
                        + ",13,bad_amount,,-3\r\n");
    }

    @Test
    void terminalOutputEndsItsLinesInLf() throws IOException {
        // given
        StringWriter out = new StringWriter();
        CsvWriter csv = CsvWriter.forPeople(out, CsvWriter.TERMINAL_LINE_END);

        // when
        csv.row("n", "ids");
        csv.row(3, "a\nb");
        csv.flush();

        // then
        assertThat(out.toString()).isEqualTo("n,ids\n3,\"a\nb\"\n");
    }

    @Test
    void whatItWritesReadsBackAsTheSameValues() throws IOException {
        // given: values with every character that needs quoting, and a first field that is empty
        List<List<String>> rows = List.of(
                List.of("", "a,b", "say \"hi\""), List.of(" lead", "trail ", "x\r\ny"), List.of("#1", "ü€", "-"));
        Writer w = new StringWriter();

        // when
        try (CsvWriter csv = CsvWriter.verbatim(w)) {
            for (List<String> r : rows) {
                csv.row(r);
            }
        }

        // then: the first empty field is written "" (so that the line is not empty), and every value parses back
        assertThat(w.toString()).startsWith("\"\",\"a,b\",\"say \"\"hi\"\"\"\r\n");
        try (CSVParser p = CSVFormat.RFC4180.parse(new java.io.StringReader(w.toString()))) {
            assertThat(p.getRecords().stream().map(CSVRecord::toList).toList()).isEqualTo(rows);
        }
    }
}
