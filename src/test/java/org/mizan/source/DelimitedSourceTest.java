package org.mizan.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delimited reader on hand-made text: quoting, line numbers, blank rows, footers, encodings. */
class DelimitedSourceTest {

    private static final Mapping FORMAT_2 = MappingLoader.load("defaults/remittances");

    private static List<String> read(Mapping mapping, byte[] bytes) throws IOException {
        List<String> out = new ArrayList<>();
        try (DelimitedSource s = new DelimitedSource(
                "f.csv", "/in/f.csv", new LineReader(new ByteArrayInputStream(bytes), mapping.encoding()), mapping)) {
            RawRecord r;
            while ((r = s.next()) != null) {
                out.add(r.line() + ":"
                        + (r.malformed() != null
                                ? "MALFORMED " + r.malformed()
                                : r.get("txn_id") + "|" + r.get("amount") + "|" + r.get("fx_margin_pct")));
            }
        }
        return out;
    }

    private static final String HEADER =
            "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel\n";

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws IOException {
        String text = HEADER
                + "\"T,1\",P,2024-03-01T00:00:00Z,QA,NP,\"1500.00\",QAR,1,,mto\n"
                + "\"T \"\"2\"\"\",P,2024-03-01T00:00:00Z,QA,NP,10,QAR,1,0.5,mto\r\n"
                + "\"T\n3\",P,2024-03-01T00:00:00Z,QA,NP,11,QAR,1,,mto\n"
                + "T4,P,2024-03-01T00:00:00Z,QA,NP,12,QAR,1,,mto";
        // the record that starts on line 4 spans lines 4-5; the next one is on line 6
        assertThat(read(FORMAT_2, text.getBytes(StandardCharsets.UTF_8)))
                .containsExactly("2:T,1|1500.00|null", "3:T \"2\"|10|0.5", "4:T\n3|11|null", "6:T4|12|null");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsMalformedAndTheNextRowsStillRead() throws IOException {
        String text = HEADER + "T1,P,2024,QA,NP,1,QAR,1,,mto,EXTRA\n\nT2,P,2024,QA,NP,2,QAR,1,,mto\n";
        assertThat(read(FORMAT_2, text.getBytes(StandardCharsets.UTF_8)))
                .containsExactly(
                        "2:MALFORMED has 11 fields where the header has 10 (a delimiter inside an unquoted value, or a line cut short)",
                        "4:T2|2|null");
    }

    @Test
    void anUnclosedQuoteAtTheEndIsMalformedNotLost() throws IOException {
        String text = HEADER + "T1,P,2024,QA,NP,1,QAR,1,,mto\n\"T2,P,2024,QA";
        assertThat(read(FORMAT_2, text.getBytes(StandardCharsets.UTF_8)))
                .containsExactly(
                        "2:T1|1|null", "3:MALFORMED unclosed quote at the end of the file (was the file cut short?)");
    }

    @Test
    void bytesNotValidInTheDeclaredEncodingNameTheirLine() {
        byte[] cp1251 = (HEADER + "T1,P,2024,QA,NP,1,QAR,1,,mto\nТ2,P,2024,QA,NP,1,QAR,1,,mto\n")
                .getBytes(Charset.forName("windows-1251"));
        assertThatThrownBy(() -> read(FORMAT_2, cp1251))
                .hasMessage(
                        "/in/f.csv: line 3 is not valid UTF-8. Declare the file's real encoding in mapping 'defaults/remittances' (e.g. encoding: windows-1251).");
    }

    @Test
    void aMissingColumnIsNamedWithWhatTheHeaderHad() {
        byte[] text = "txn_id;amount\nT1;1\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(FORMAT_2, text))
                .hasMessageStartingWith(
                        "/in/f.csv: line 1 (header) lacks required column(s) txn_id [txn_id], provider_id [provider_id]")
                .hasMessageContaining("found 1 columns: txn_id;amount. Check the file's delimiter (',')");
    }

    @Test
    void anUnclosedQuoteOnLine5KeepsTheFiftyGoodRowsAfterIt() throws IOException {
        // given: a stray quote opens a field on line 5 that never closes
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 2; i <= 4; i++) {
            text.append("T").append(i).append(",P,2024,QA,NP,").append(i).append(",QAR,1,,mto\n");
        }
        text.append("\"T5,P,2024,QA,NP,5,QAR,1,,mto\n");
        for (int i = 6; i <= 55; i++) {
            text.append("T").append(i).append(",P,2024,QA,NP,").append(i).append(",QAR,1,,mto\n");
        }
        // when
        List<String> rows = read(FORMAT_2, text.toString().getBytes(StandardCharsets.UTF_8));
        // then: line 5 alone is malformed, and every row after it is read
        assertThat(rows).hasSize(54);
        assertThat(rows.get(3))
                .isEqualTo(
                        "5:MALFORMED has a quote that is not closed into a record of 10 fields within 100 lines: the line"
                                + " was left out and the lines after it were read on their own (MIZAN_MAX_QUOTED_LINES sets how many lines a quoted value may span)");
        assertThat(rows.subList(4, 54)).allMatch(r -> !r.contains("MALFORMED"));
        assertThat(rows.get(4)).isEqualTo("6:T6|6|null");
        assertThat(rows.get(53)).isEqualTo("55:T55|55|null");
    }

    @Test
    void carriageReturnsAloneEndLines() throws IOException {
        String text = HEADER.replace("\n", "\r") + "T1,P,2024,QA,NP,1,QAR,1,,mto\rT2,P,2024,QA,NP,2,QAR,1,0.5,mto\r";
        assertThat(read(FORMAT_2, text.getBytes(StandardCharsets.UTF_8))).containsExactly("2:T1|1|null", "3:T2|2|0.5");
    }

    @Test
    void aNulByteRejectsItsLineWithTheByteOffset() throws IOException {
        String text = HEADER
                + "T1,P,2024,QA,NP,1,QAR,1,,mto\nT\u00002,P,2024,QA,NP,2,QAR,1,,mto\nT3,P,2024,QA,NP,3,QAR,1,,mto\n";
        int offset = HEADER.length() + "T1,P,2024,QA,NP,1,QAR,1,,mto\nT".length();
        assertThat(read(FORMAT_2, text.getBytes(StandardCharsets.UTF_8)))
                .containsExactly(
                        "2:T1|1|null",
                        "3:MALFORMED has a NUL byte (0x00) at byte offset " + offset
                                + " of the file: a damaged or binary export; the line was left out",
                        "4:T3|3|null");
    }

    @Test
    void aHeaderNamingAColumnTwiceIsRefusedWithBothPositions() {
        byte[] text = (HEADER.strip() + ",Amount \nT1,P,2024,QA,NP,1,QAR,1,,mto,2\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(FORMAT_2, text))
                .hasMessage(
                        "/in/f.csv: line 1 (header) names the column 'Amount' twice, in columns 6"
                                + " and 11: Mizan cannot tell which one to read. Ask the source to rename or remove one of them.");
    }

    @Test
    void aResumePassesOverTheLinesBeforeItUndecodedAndTheLinesAfterKeepTheirNumbers() throws IOException {
        // given: line 3 is not valid UTF-8 and is not the resume point's (another partition's, or the cut run's)
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "T1,P,2024,QA,NP,1,QAR,1,,mto\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("Т2,P,2024,QA,NP,2,QAR,1,,mto\n".getBytes(Charset.forName("windows-1251")));
        bytes.writeBytes(
                "T3,P,2024,QA,NP,3,QAR,1,,mto\r\nT4,P,2024,QA,NP,4,QAR,1,0.5,mto".getBytes(StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        try (DelimitedSource s = new DelimitedSource(
                "f.csv",
                "/in/f.csv",
                new LineReader(new ByteArrayInputStream(bytes.toByteArray()), FORMAT_2.encoding()),
                FORMAT_2)) {
            // when: the reading resumes after line 3
            s.skipTo(3, 0);
            assertThat(s.linesConsumed()).isEqualTo(3);
            RawRecord r;
            while ((r = s.next()) != null) {
                out.add(r.line() + ":" + r.get("txn_id") + "|" + r.get("amount") + "|" + r.get("fx_margin_pct"));
            }
        }
        // then: the line before it is neither read nor refused, and the records after it have their own numbers
        assertThat(out).containsExactly("4:T3|3|null", "5:T4|4|0.5");
    }

    @Test
    void aResumeBeyondTheEndReadsNothing() throws IOException {
        byte[] text = (HEADER + "T1,P,2024,QA,NP,1,QAR,1,,mto\n").getBytes(StandardCharsets.UTF_8);
        try (DelimitedSource s = new DelimitedSource(
                "f.csv", "/in/f.csv", new LineReader(new ByteArrayInputStream(text), FORMAT_2.encoding()), FORMAT_2)) {
            s.skipTo(10, 0);
            assertThat(s.linesConsumed()).isEqualTo(2);
            assertThat(s.next()).isNull();
        }
    }
}
