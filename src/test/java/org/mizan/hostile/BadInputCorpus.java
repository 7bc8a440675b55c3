package org.mizan.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes the bad-input corpus under src/test/resources/bad-input: hostile and odd files in the shapes of format 2
 * (CSV, JSON Lines, XLSX) and IATI XML, each small, each made here from scratch so that it can be read and
 * changed. Run {@link #main} to write them again; {@code BadInputCorpusTest} checks that the committed files are
 * exactly what this makes, and asserts each file's outcome.
 */
public final class BadInputCorpus {

    public static final Path DIR = Path.of("src/test/resources/bad-input");
    public static final String HEADER =
            "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel";

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private BadInputCorpus() {}

    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIR);
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            Files.write(DIR.resolve(f.getKey()), f.getValue());
        }
    }

    /** The good row number n of format 2. */
    public static String row(int n) {
        return "T-" + n + ",MTO-017,2024-03-02T09:14:00+03:00,QA,NP-P1-DHA-M01,1500.00,QAR,25.00,1.10,mto";
    }

    /** A row with one field replaced (0-based column of {@link #HEADER}). */
    static String rowWith(int n, int column, String value) {
        String[] cells = row(n).split(",");
        cells[column] = value;
        return String.join(",", cells);
    }

    static String csv(String... rows) {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    static String jsonRow(int n, String amount, String sentAt) {
        return "{\"txn_id\":\"J-" + n + "\",\"provider_id\":\"BNK-003\",\"sent_at\":\"" + sentAt
                + "\",\"sender_country\":\"QA\"," + "\"receiving_unit_code\":\"NP-P1-DHA-M01\",\"amount\":" + amount
                + ",\"currency\":\"QAR\",\"fee\":10,\"channel\":\"bank\"}";
    }

    /** Every file of the corpus, by name, in a fixed order. */
    public static Map<String, byte[]> files() {
        BadInputCorpus c = new BadInputCorpus();
        c.values();
        c.lines();
        c.headers();
        c.encodingsAndKinds();
        c.jsonLines();
        c.iati();
        c.workbooks();
        return c.files;
    }

    private void text(String name, String text) {
        files.put(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Values the warehouse cannot hold: each is its row's reject, the rows around it load. */
    private void values() {
        text("amount_1e30.csv", csv(row(1), rowWith(2, 5, "1000000000000000000000000000000"), row(3)));
        text("amount_15_digits.csv", csv(row(1), rowWith(2, 5, "123456789012345.00")));
        text("amount_largest_kept.csv", csv(rowWith(1, 5, "99999999999999.9999"), row(2)));
        text("amount_inf.csv", csv(row(1), rowWith(2, 5, "INF")));
        text("amount_infinity_negative.csv", csv(row(1), rowWith(2, 5, "-Infinity")));
        text("amount_nan.csv", csv(row(1), rowWith(2, 5, "NaN")));
        text("amount_1e309.csv", csv(row(1), rowWith(2, 5, "1e309")));
        text("amount_5_places.csv", csv(row(1), rowWith(2, 5, "1500.12345")));
        text("amount_40_digits.csv", csv(row(1), rowWith(2, 5, "9".repeat(40))));
        text("fee_21_digits.csv", csv(row(1), rowWith(2, 7, "100000000000000000000")));
        text("margin_too_large.csv", csv(row(1), rowWith(2, 8, "123456.5")));
        text("timestamp_year_99999.csv", csv(row(1), rowWith(2, 2, "+99999-01-01T00:00:00Z")));
        text("timestamp_year_999.csv", csv(row(1), rowWith(2, 2, "0999-03-02T09:14:00Z")));
        text("timestamp_feb_30.csv", csv(row(1), rowWith(2, 2, "2024-02-30T09:14:00+03:00")));
        text("txn_id_300_chars.csv", csv(row(1), rowWith(2, 0, "X".repeat(300))));
        text("txn_id_256_chars.csv", csv(rowWith(1, 0, "X".repeat(256))));
    }

    /** Line structure: ends, NUL bytes, quotes, lengths. */
    private void lines() {
        String[] many = new String[120];
        for (int i = 0; i < many.length; i++) {
            many[i] = row(i + 1);
        }
        String good120 = String.join("\n", many);
        text(
                "nul_after_8k.csv",
                HEADER + "\n" + good120 + "\n" + rowWith(121, 0, "T-1\u000021") + "\n" + row(122) + "\n");
        text("nul_at_start.csv", "tx\u0000n_id\n");
        text("cr_only.csv", (HEADER + "\r" + row(1) + "\r" + row(2) + "\r" + row(3) + "\r"));
        text("crlf.csv", (HEADER + "\r\n" + row(1) + "\r\n" + row(2) + "\r\n"));
        text("mixed_lf_crlf.csv", (HEADER + "\n" + row(1) + "\r\n" + row(2) + "\n"));
        text("no_final_newline.csv", HEADER + "\n" + row(1) + "\n" + row(2));
        String[] after = new String[50];
        for (int i = 0; i < after.length; i++) {
            after[i] = row(i + 5);
        }
        text(
                "unclosed_quote_line_5.csv",
                csv(
                        row(1),
                        row(2),
                        row(3),
                        "\"T-4,MTO-017,2024-03-02T09:14:00+03:00,QA,NP-P1-DHA-M01,1500.00,QAR,25.00,1.10,mto",
                        String.join("\n", after)));
        text("unclosed_quote_last_line.csv", csv(row(1), "\"T-2,MTO-017,2024-03-02"));
        text(
                "unclosed_quote_then_quoted_row.csv",
                csv(
                        row(1),
                        "\"T-2,MTO-017,2024-03-02T09:14:00+03:00,QA,NP-P1-DHA-M01,1,QAR,1,,mto",
                        row(3),
                        "\"T-4\",MTO-017,2024-03-02T09:14:00+03:00,QA,NP-P1-DHA-M01,1500.00,QAR,25.00,1.10,mto",
                        row(5)));
        text(
                "quoted_line_break.csv",
                csv(
                        row(1),
                        "\"T-2\",MTO-017,2024-03-02T09:14:00+03:00,QA,NP-P1-DHA-M01,1500.00,QAR,25.00,,\"mto\n\"",
                        row(4)));
        text(
                "quoted_span_over_limit.csv",
                csv(
                        row(1),
                        "\"T-2\",MTO-017,2024-03-02T09:14:00+03:00,QA,NP-P1-DHA-M01,1500.00,QAR,25.00,,\"m\na\nb\nc\nd\"",
                        row(8)));
        text("line_5000_bytes.csv", csv(row(1), rowWith(2, 0, "L".repeat(5000)), row(3)));
        text("extra_field.csv", csv(row(1), row(2) + ",EXTRA", row(3)));
        text("missing_field.csv", csv(row(1), "T-2,MTO-017,2024-03-02T09:14:00+03:00,QA", row(3)));
        text("blank_lines.csv", csv(row(1), "", "  ", row(4)));
        text("only_header.csv", HEADER + "\n");
        text("empty.csv", "");
        text("only_utf8_bom.csv", "\uFEFF");
    }

    private void headers() {
        text("header_amount_twice.csv", HEADER + ",amount\n" + row(1) + ",7\n");
        text("header_txn_id_twice_case.csv", "TXN_ID," + HEADER + "\nX," + row(1) + "\n");
        text("header_empty_names_repeat.csv", HEADER + ",,\n" + row(1) + ",,\n");
        StringBuilder wide = new StringBuilder(HEADER);
        for (int i = 0; i < 1_991; i++) {
            wide.append(",c").append(i);
        }
        text("header_2001_columns.csv", wide + "\n" + row(1) + ",".repeat(1_991) + "\n");
        text("header_semicolons.csv", HEADER.replace(',', ';') + "\n" + row(1).replace(',', ';') + "\n");
    }

    private void encodingsAndKinds() {
        String good = csv(row(1), row(2));
        files.put(
                "utf16le_bom.csv",
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, good.getBytes(StandardCharsets.UTF_16LE)));
        files.put(
                "utf16be_bom.csv",
                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, good.getBytes(StandardCharsets.UTF_16BE)));
        files.put("utf16le_no_bom.csv", good.getBytes(StandardCharsets.UTF_16LE));
        files.put(
                "utf32le_bom.csv",
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, good.getBytes(Charset.forName("UTF-32LE"))));
        files.put(
                "utf8_bom.csv",
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, good.getBytes(StandardCharsets.UTF_8)));
        files.put(
                "windows1251_declared_utf8.csv",
                csv(row(1), rowWith(2, 9, "банк")).getBytes(Charset.forName("windows-1251")));
        files.put("good.csv.gz", gzip(good.getBytes(StandardCharsets.UTF_8)));
        files.put("utf16_inside.csv.gz", gzip(files.get("utf16le_bom.csv")));
        byte[] big = gzip(csv(many(200)).getBytes(StandardCharsets.UTF_8));
        files.put("truncated.csv.gz", Arrays.copyOf(big, big.length / 2));
        byte[] damaged = gzip(good.getBytes(StandardCharsets.UTF_8));
        damaged[12] ^= (byte) 0xFF;
        damaged[13] ^= (byte) 0xFF;
        files.put("damaged.csv.gz", damaged);
        files.put("gzip_of_gzip.csv.gz", gzip(gzip(good.getBytes(StandardCharsets.UTF_8))));
        files.put("zip_as.csv", zip(Map.of("export.csv", good.getBytes(StandardCharsets.UTF_8))));
        files.put(
                "xlsx_as.csv",
                workbook(sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>txn_id</t></is></c></row>"), null));
        files.put("pdf_as.csv", "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));
        files.put(
                "xls_as.csv",
                concat(
                        new byte[] {
                            (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
                        },
                        new byte[504]));
        files.put("bzip2.csv", "BZh91AY&SY".getBytes(StandardCharsets.ISO_8859_1));
        files.put("xz.csv", new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0, 0, 4});
        files.put("seven_zip.csv", new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4});
    }

    private static String many(int n) {
        String[] rows = new String[n];
        for (int i = 0; i < n; i++) {
            rows[i] = row(i + 1);
        }
        return String.join("\n", rows);
    }

    private void jsonLines() {
        String ok = "2024-03-02T09:14:00+03:00";
        text(
                "json_amount_1e30.jsonl",
                jsonRow(1, "1500.5", ok) + "\n" + jsonRow(2, "1e30", ok) + "\n" + jsonRow(3, "1" + "0".repeat(30), ok)
                        + "\n");
        text(
                "json_amount_nan_string.jsonl",
                jsonRow(1, "\"NaN\"", ok) + "\n" + jsonRow(2, "\"Infinity\"", ok) + "\n" + jsonRow(3, "12", ok) + "\n");
        text(
                "json_timestamp_99999.jsonl",
                jsonRow(1, "12", "+99999-01-01T00:00:00Z") + "\n" + jsonRow(2, "12", ok) + "\n");
        text("json_nested_value.jsonl", jsonRow(1, "[[[[[[1]]]]]]", ok) + "\n" + jsonRow(2, "12", ok) + "\n");
        text(
                "json_duplicate_key.jsonl",
                jsonRow(1, "12", ok).replace("}", ",\"amount\":13}") + "\n" + jsonRow(2, "12", ok) + "\n");
        text("json_not_object.jsonl", "[1,2,3]\n" + jsonRow(2, "12", ok) + "\n");
        text("json_trailing_text.jsonl", jsonRow(1, "12", ok) + " trailing\n" + jsonRow(2, "12", ok) + "\n");
        StringBuilder nul = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            nul.append(jsonRow(i, "12", ok)).append('\n');
        }
        nul.append("{\"txn_id\":\"J-61\u0000\"}\n")
                .append(jsonRow(62, "12", ok))
                .append('\n');
        text("json_nul_after_8k.jsonl", nul.toString());
        files.put(
                "json_utf16le_bom.jsonl",
                concat(
                        new byte[] {(byte) 0xFF, (byte) 0xFE},
                        (jsonRow(1, "12", ok) + "\n").getBytes(StandardCharsets.UTF_16LE)));
        files.put(
                "json_good.jsonl.gz",
                gzip((jsonRow(1, "12", ok) + "\n" + jsonRow(2, "13", ok) + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    static String iati(String... transactions) {
        StringBuilder t = new StringBuilder();
        for (String v : transactions) {
            t.append(v);
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">\n"
                + " <iati-activity default-currency=\"USD\">\n  <iati-identifier>XM-TEST-1</iati-identifier>\n"
                + "  <reporting-org ref=\"XM-TEST\" type=\"21\"><narrative>Test</narrative></reporting-org>\n"
                + "  <title><narrative>Hostile values</narrative></title>\n" + t
                + " </iati-activity>\n</iati-activities>\n";
    }

    static String transaction(String date, String value) {
        return "  <transaction><transaction-type code=\"3\"/><transaction-date iso-date=\"" + date + "\"/><value>"
                + value + "</value></transaction>\n";
    }

    private void iati() {
        String d = "2023-05-01";
        text("iati_value_1e30.xml", iati(transaction(d, "100"), transaction(d, "1e30"), transaction(d, "200")));
        text("iati_value_17_digits.xml", iati(transaction(d, "12345678901234567"), transaction(d, "1234567890123456")));
        text("iati_value_inf.xml", iati(transaction(d, "INF"), transaction(d, "NaN"), transaction(d, "100")));
        text("iati_value_1e309.xml", iati(transaction(d, "1e309"), transaction(d, "100")));
        text("iati_value_5_places.xml", iati(transaction(d, "100.12345"), transaction(d, "100.1234")));
        text("iati_date_99999.xml", iati(transaction("+99999-01-01", "100"), transaction(d, "100")));
        text(
                "iati_identifier_300_chars.xml",
                iati(transaction(d, "100")).replace("XM-TEST-1", "XM-" + "9".repeat(297)));
        files.put("iati_good.xml.gz", gzip(iati(transaction(d, "100")).getBytes(StandardCharsets.UTF_8)));
        byte[] big = gzip(iati(transaction(d, "100").repeat(400)).getBytes(StandardCharsets.UTF_8));
        files.put("iati_truncated.xml.gz", Arrays.copyOf(big, big.length - 40));
        text(
                "iati_doctype.xml",
                iati(transaction(d, "100"))
                        .replace(
                                "<iati-activities",
                                "<!DOCTYPE iati-activities [<!ENTITY x \"y\">]>\n<iati-activities"));
        files.put("iati_pdf.xml", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
    }

    static String sheet(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><sheetData>" + rows + "</sheetData></worksheet>";
    }

    /** A row of inline-string cells, with numeric cells for values that parse as numbers and are marked with '#'. */
    static String sheetRow(int r, String... cells) {
        StringBuilder out = new StringBuilder("<row r=\"" + r + "\">");
        for (int i = 0; i < cells.length; i++) {
            String ref = (char) ('A' + i) + String.valueOf(r);
            if (cells[i].startsWith("#")) {
                out.append("<c r=\"")
                        .append(ref)
                        .append("\"><v>")
                        .append(cells[i].substring(1))
                        .append("</v></c>");
            } else {
                out.append("<c r=\"")
                        .append(ref)
                        .append("\" t=\"inlineStr\"><is><t>")
                        .append(cells[i])
                        .append("</t></is></c>");
            }
        }
        return out.append("</row>").toString();
    }

    private void workbooks() {
        String[] head = HEADER.split(",");
        String rows = sheetRow(1, head)
                + sheetRow(
                        2,
                        "X-1",
                        "MTO-017",
                        "2024-03-02T09:14:00+03:00",
                        "QA",
                        "NP-P1-DHA-M01",
                        "#1500",
                        "QAR",
                        "#25",
                        "",
                        "mto")
                + sheetRow(
                        3,
                        "X-2",
                        "MTO-017",
                        "2024-03-02T09:14:00+03:00",
                        "QA",
                        "NP-P1-DHA-M01",
                        "#1E+30",
                        "QAR",
                        "#25",
                        "",
                        "mto")
                + sheetRow(
                        4,
                        "X-3",
                        "MTO-017",
                        "+99999-01-01T00:00:00Z",
                        "QA",
                        "NP-P1-DHA-M01",
                        "#10",
                        "QAR",
                        "#1",
                        "",
                        "mto")
                + sheetRow(
                        5,
                        "X-4",
                        "MTO-017",
                        "2024-03-02T09:14:00+03:00",
                        "QA",
                        "NP-P1-DHA-M01",
                        "#12.5",
                        "QAR",
                        "#1",
                        "",
                        "mto");
        byte[] good = workbook(sheet(rows), null);
        files.put("xlsx_values.xlsx", good);
        files.put("xlsx_truncated.xlsx", Arrays.copyOf(good, good.length / 2));
        files.put(
                "xlsx_doctype.xlsx",
                workbook(
                        sheet(sheetRow(1, head))
                                .replace(
                                        "<worksheet",
                                        "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<worksheet"),
                        null));
        StringBuilder filler = new StringBuilder();
        for (int r = 2; r < 60_000; r++) {
            filler.append("<row><c><v>0</v></c></row>");
        }
        files.put("xlsx_ratio_bomb.xlsx", workbook(sheet(sheetRow(1, head) + filler), null));
        files.put("xlsx_csv_renamed.xlsx", csv(row(1)).getBytes(StandardCharsets.UTF_8));
        files.put("xlsx_pdf.xlsx", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        files.put("xlsx_gzip.xlsx", gzip(csv(row(1)).getBytes(StandardCharsets.UTF_8)));
        files.put("xlsx_empty_zip.xlsx", zip(Map.of()));
    }

    /** A minimal workbook: content types, relationships, one sheet (and extra parts when given). */
    static byte[] workbook(String sheetXml, Map<String, String> extra) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(
                "[Content_Types].xml",
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                                + "content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\""
                                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/"
                                + "sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>")
                        .getBytes(StandardCharsets.UTF_8));
        parts.put(
                "_rels/.rels",
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
                                + "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                                + "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
                        .getBytes(StandardCharsets.UTF_8));
        parts.put(
                "xl/workbook.xml",
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
                                + "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                                + "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
                        .getBytes(StandardCharsets.UTF_8));
        parts.put(
                "xl/_rels/workbook.xml.rels",
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
                                + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                                + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>")
                        .getBytes(StandardCharsets.UTF_8));
        parts.put("xl/worksheets/sheet1.xml", sheetXml.getBytes(StandardCharsets.UTF_8));
        if (extra != null) {
            extra.forEach((k, v) -> parts.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        return zip(parts);
    }

    static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> p : new java.util.TreeMap<>(parts).entrySet()) {
                ZipEntry e = new ZipEntry(p.getKey());
                e.setTime(946_684_800_000L); // fixed: the same bytes on every run
                z.putNextEntry(e);
                z.write(p.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
