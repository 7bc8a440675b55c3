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
        try (DelimitedSource s = new DelimitedSource("f.csv", "/in/f.csv", new LineReader(new ByteArrayInputStream(bytes), mapping.encoding()), mapping)) {
            RawRecord r;
            while ((r = s.next()) != null) {
                out.add(r.line() + ":" + (r.malformed() != null ? "MALFORMED " + r.malformed() : r.get("txn_id") + "|" + r.get("amount") + "|" + r.get("fx_margin_pct")));
            }
        }
        return out;
    }

    private static final String HEADER = "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel\n";

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws IOException {
        String text = HEADER
                + "\"T,1\",P,2024-03-01T00:00:00Z,QA,NP,\"1500.00\",QAR,1,,mto\n"
                + "\"T \"\"2\"\"\",P,2024-03-01T00:00:00Z,QA,NP,10,QAR,1,0.5,mto\r\n"
                + "\"T\n3\",P,2024-03-01T00:00:00Z,QA,NP,11,QAR,1,,mto\n"
                + "T4,P,2024-03-01T00:00:00Z,QA,NP,12,QAR,1,,mto";
        // the record that starts on line 4 spans lines 4-5; the next one is on line 6
        assertThat(read(FORMAT_2, text.getBytes(StandardCharsets.UTF_8))).containsExactly(
                "2:T,1|1500.00|null", "3:T \"2\"|10|0.5", "4:T\n3|11|null", "6:T4|12|null");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsMalformedAndTheNextRowsStillRead() throws IOException {
        String text = HEADER + "T1,P,2024,QA,NP,1,QAR,1,,mto,EXTRA\n\nT2,P,2024,QA,NP,2,QAR,1,,mto\n";
        assertThat(read(FORMAT_2, text.getBytes(StandardCharsets.UTF_8))).containsExactly(
                "2:MALFORMED has 11 fields where the header has 10 (a delimiter inside an unquoted value, or a line cut short)",
                "4:T2|2|null");
    }

    @Test
    void anUnclosedQuoteAtTheEndIsMalformedNotLost() throws IOException {
        String text = HEADER + "T1,P,2024,QA,NP,1,QAR,1,,mto\n\"T2,P,2024,QA";
        assertThat(read(FORMAT_2, text.getBytes(StandardCharsets.UTF_8))).containsExactly(
                "2:T1|1|null", "3:MALFORMED unclosed quote at the end of the file (was the file cut short?)");
    }

    @Test
    void bytesNotValidInTheDeclaredEncodingNameTheirLine() {
        byte[] cp1251 = (HEADER + "T1,P,2024,QA,NP,1,QAR,1,,mto\nТ2,P,2024,QA,NP,1,QAR,1,,mto\n").getBytes(Charset.forName("windows-1251"));
        assertThatThrownBy(() -> read(FORMAT_2, cp1251))
                .hasMessage("/in/f.csv: line 3 is not valid UTF-8. Declare the file's real encoding in mapping 'defaults/remittances' (e.g. encoding: windows-1251).");
    }

    @Test
    void aMissingColumnIsNamedWithWhatTheHeaderHad() {
        byte[] text = "txn_id;amount\nT1;1\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(FORMAT_2, text))
                .hasMessageStartingWith("/in/f.csv: line 1 (header) lacks required column(s) txn_id [txn_id], provider_id [provider_id]")
                .hasMessageContaining("found 1 columns: txn_id;amount. Check the file's delimiter (',')");
    }
}
