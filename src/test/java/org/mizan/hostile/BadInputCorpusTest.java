package org.mizan.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus (src/test/resources/bad-input, made by {@link BadInputCorpus}): every file read through its
 * reader and the checks before the lake, each with its outcome asserted exactly: refused with its message, or the
 * rows accepted and every reject with its line, rule and message. {@code HostileInputIT} runs a representative
 * handful through the command line and checks that the lake, the warehouse and {@code query} are untouched.
 */
class BadInputCorpusTest {

    // given: what each file must come to ({file} stands for the file's path)
    private static final String EXPECTED = """
            === amount_1e30.csv
            accepted 2
            line 3 bad_number: amount '1000000000000000000000000000000.0000' is outside the range the warehouse keeps, DECIMAL(18,4): at most 14 digits before the point and 4 after, up to ±99999999999999.9999
            === amount_15_digits.csv
            accepted 1
            line 3 bad_number: amount '123456789012345.0000' is outside the range the warehouse keeps, DECIMAL(18,4): at most 14 digits before the point and 4 after, up to ±99999999999999.9999
            === amount_largest_kept.csv
            accepted 2
            === amount_inf.csv
            accepted 1
            line 3 bad_number: amount 'INF' is not a decimal number
            === amount_infinity_negative.csv
            accepted 1
            line 3 bad_number: amount '-Infinity' is not a decimal number
            === amount_nan.csv
            accepted 1
            line 3 bad_number: amount 'NaN' is not a decimal number
            === amount_1e309.csv
            accepted 1
            line 3 bad_number: amount '1e309' is not a decimal number
            === amount_5_places.csv
            accepted 1
            line 3 bad_number: amount '1500.12345' has more than 4 decimal places
            === amount_40_digits.csv
            accepted 1
            line 3 bad_number: amount '9999999999999999999999999999999999999999.0000' is outside the range the warehouse keeps, DECIMAL(18,4): at most 14 digits before the point and 4 after, up to ±99999999999999.9999
            === fee_21_digits.csv
            accepted 1
            line 3 bad_number: fee '100000000000000000000.0000' is outside the range the warehouse keeps, DECIMAL(18,4): at most 14 digits before the point and 4 after, up to ±99999999999999.9999
            === margin_too_large.csv
            accepted 1
            line 3 bad_number: fx_margin_pct '123456.5000' is outside the range the warehouse keeps, DECIMAL(9,4): at most 5 digits before the point and 4 after, up to ±99999.9999
            === timestamp_year_99999.csv
            accepted 1
            line 3 bad_timestamp: sent_at '+99999-01-01T00:00:00Z' is outside the years 1000 to 9999 that Mizan keeps
            === timestamp_year_999.csv
            accepted 1
            line 3 bad_timestamp: sent_at '0999-03-02T09:14:00Z' is outside the years 1000 to 9999 that Mizan keeps
            === timestamp_feb_30.csv
            accepted 1
            line 3 bad_timestamp: sent_at '2024-02-30T09:14:00+03:00' is not ISO 8601 with an offset (2024-03-02T09:14:00+03:00)
            === txn_id_300_chars.csv
            accepted 1
            line 3 bad_value: txn_id is 300 characters long, more than the 256 Mizan keeps for an identifier or code. If the file is right, raise the limit: MIZAN_MAX_ID_CHARS=512 (now 256).
            === txn_id_256_chars.csv
            accepted 1
            === nul_after_8k.csv
            accepted 121
            line 122 malformed_line: line has a NUL byte (0x00) at byte offset 10079 of the file: a damaged or binary export; the line was left out
            === nul_at_start.csv
            refused: {file}: looks binary (a NUL byte at offset 2), not a text export. Check that this is the right file (a spreadsheet must be saved as CSV, or use an xlsx mapping).
            === cr_only.csv
            accepted 3
            === crlf.csv
            accepted 2
            === mixed_lf_crlf.csv
            accepted 2
            === no_final_newline.csv
            accepted 2
            === unclosed_quote_line_5.csv
            accepted 53
            line 5 malformed_line: line has a quote that is not closed into a record of 10 fields within 100 lines: the line was left out and the lines after it were read on their own (MIZAN_MAX_QUOTED_LINES sets how many lines a quoted value may span)
            === unclosed_quote_last_line.csv
            accepted 1
            line 3 malformed_line: line unclosed quote at the end of the file (was the file cut short?)
            === unclosed_quote_then_quoted_row.csv
            accepted 4
            line 3 malformed_line: line has a quote that is not closed into a record of 10 fields within 100 lines: the line was left out and the lines after it were read on their own (MIZAN_MAX_QUOTED_LINES sets how many lines a quoted value may span)
            === quoted_line_break.csv
            accepted 3
            === quoted_span_over_limit.csv
            accepted 2
            line 3 malformed_line: line has a quote that is not closed into a record of 10 fields within 3 lines: the line was left out and the lines after it were read on their own (MIZAN_MAX_QUOTED_LINES sets how many lines a quoted value may span)
            line 4 malformed_line: line has 1 fields where the header has 10 (a delimiter inside an unquoted value, or a line cut short)
            line 5 malformed_line: line has 1 fields where the header has 10 (a delimiter inside an unquoted value, or a line cut short)
            line 6 malformed_line: line has 1 fields where the header has 10 (a delimiter inside an unquoted value, or a line cut short)
            line 7 malformed_line: line has 1 fields where the header has 10 (a delimiter inside an unquoted value, or a line cut short)
            === line_5000_bytes.csv
            refused: {file}: line 3 is longer than 4096 bytes, the longest line Mizan reads (a field this long is no registry, remittance or ledger value: a damaged or hostile file?). If the file is right, raise the limit: MIZAN_MAX_LINE_BYTES=8192 (now 4096).
            === extra_field.csv
            accepted 2
            line 3 malformed_line: line has 11 fields where the header has 10 (a delimiter inside an unquoted value, or a line cut short)
            === missing_field.csv
            accepted 2
            line 3 malformed_line: line has 4 fields where the header has 10 (a delimiter inside an unquoted value, or a line cut short)
            === blank_lines.csv
            accepted 2
            === only_header.csv
            accepted 0
            === empty.csv
            refused: {file}: the file is empty. Ask the source to deliver it again.
            === only_utf8_bom.csv
            refused: {file}: the file is empty. Ask the source to deliver it again.
            === header_amount_twice.csv
            refused: {file}: line 1 (header) names the column 'amount' twice, in columns 6 and 11: Mizan cannot tell which one to read. Ask the source to rename or remove one of them.
            === header_txn_id_twice_case.csv
            refused: {file}: line 1 (header) names the column 'txn_id' twice, in columns 1 and 2: Mizan cannot tell which one to read. Ask the source to rename or remove one of them.
            === header_empty_names_repeat.csv
            accepted 1
            === header_2001_columns.csv
            refused: {file}: line 1 (header) has 2001 columns, more than the 2000 Mizan reads (a wrong delimiter, or not a table?). If the file is right, raise the limit: MIZAN_MAX_COLUMNS=4000 (now 2000).
            === header_semicolons.csv
            refused: {file}: line 1 (header) lacks required column(s) txn_id [txn_id], provider_id [provider_id], sent_at [sent_at], sender_country [sender_country], receiving_unit_code or receiving_locality [receiving_unit_code, receiving_locality], amount [amount], currency [currency], fee [fee], channel [channel]; found 1 columns: txn_id;provider_id;sent_at;sender_country;receiving_unit_code;amount;currency;fee;fx_margin_pct;channel. Check the file's delimiter (',') and encoding (UTF-8) in mapping 'defaults/remittances', or add the header names as aliases there.
            === utf16le_bom.csv
            accepted 2
            === utf16be_bom.csv
            accepted 2
            === utf16le_no_bom.csv
            refused: {file}: looks like UTF-16LE text without a byte-order mark, which cannot be read safely. Save it as CSV UTF-8, or convert it: iconv -f UTF-16LE -t UTF-8
            === utf32le_bom.csv
            refused: {file}: is UTF-32 text, which Mizan does not read. Convert it: iconv -f UTF-32 -t UTF-8
            === utf8_bom.csv
            accepted 2
            === windows1251_declared_utf8.csv
            refused: {file}: line 3 is not valid UTF-8. Declare the file's real encoding in mapping 'defaults/remittances' (e.g. encoding: windows-1251).
            === good.csv.gz
            accepted 2
            === utf16_inside.csv.gz
            accepted 2
            === truncated.csv.gz
            refused: {file}: is a gzip file that is cut short (truncated: its compressed data ends early). Ask the source to send it again.
            === damaged.csv.gz
            refused: {file}: is a damaged gzip file (invalid code lengths set). Ask the source to send it again.
            === gzip_of_gzip.csv.gz
            refused: {file}: is compressed with gzip twice. Decompress it once (gunzip) and load the result.
            === zip_as.csv
            refused: {file}: is a zip archive, not text. Unzip it and load the file inside.
            === xlsx_as.csv
            refused: {file}: is an XLSX workbook (a zip archive), not text. Load it with a mapping whose format is xlsx (jobs/README.md), or save its sheet as CSV UTF-8.
            === pdf_as.csv
            refused: {file}: is a PDF document, not a data export. Ask the source for its CSV or XLSX export.
            === xls_as.csv
            refused: {file}: is an Office 97-2003 file (.xls), not text. Open it and save it as .xlsx or as CSV UTF-8.
            === bzip2.csv
            refused: {file}: is compressed with bzip2, which Mizan does not read. Decompress it, or compress it with gzip (a .gz file is read as it is).
            === xz.csv
            refused: {file}: is compressed with xz, which Mizan does not read. Decompress it, or compress it with gzip (a .gz file is read as it is).
            === seven_zip.csv
            refused: {file}: is compressed with 7-Zip, which Mizan does not read. Decompress it, or compress it with gzip (a .gz file is read as it is).
            === json_amount_1e30.jsonl
            accepted 1
            line 2 bad_number: amount '1e30' is not a decimal number
            line 3 bad_number: amount '1000000000000000000000000000000.0000' is outside the range the warehouse keeps, DECIMAL(18,4): at most 14 digits before the point and 4 after, up to ±99999999999999.9999
            === json_amount_nan_string.jsonl
            accepted 1
            line 1 bad_number: amount 'NaN' is not a decimal number
            line 2 bad_number: amount 'Infinity' is not a decimal number
            === json_timestamp_99999.jsonl
            accepted 1
            line 1 bad_timestamp: sent_at '+99999-01-01T00:00:00Z' is outside the years 1000 to 9999 that Mizan keeps
            === json_nested_value.jsonl
            accepted 1
            line 1 malformed_line: line field 'amount' is not a single value
            === json_duplicate_key.jsonl
            accepted 1
            line 1 malformed_line: line gives field 'amount' (or another name of it) twice
            === json_not_object.jsonl
            accepted 1
            line 1 malformed_line: line is not a JSON object
            === json_trailing_text.jsonl
            accepted 1
            line 1 malformed_line: line is not valid JSON (Unrecognized token 'trailing': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))
            === json_nul_after_8k.jsonl
            accepted 61
            line 61 malformed_line: line has a NUL byte (0x00) at byte offset 11706 of the file: a damaged or binary export; the line was left out
            === json_utf16le_bom.jsonl
            accepted 1
            === json_good.jsonl.gz
            accepted 2
            === iati_value_1e30.xml
            accepted 2
            line 8 bad_number: activity XM-TEST-1, transaction 2 (line 8): value '1000000000000000000000000000000' is outside the range the warehouse keeps, DECIMAL(20,4): at most 16 digits before the point and 4 after, up to ±9999999999999999.9999; the transaction was left out, the rest of the activity kept
            === iati_value_17_digits.xml
            accepted 1
            line 7 bad_number: activity XM-TEST-1, transaction 1 (line 7): value '12345678901234567' is outside the range the warehouse keeps, DECIMAL(20,4): at most 16 digits before the point and 4 after, up to ±9999999999999999.9999; the transaction was left out, the rest of the activity kept
            === iati_value_inf.xml
            accepted 1
            line 7 bad_number: activity XM-TEST-1, transaction 1 (line 7): value 'INF' is not a decimal number; the transaction was left out, the rest of the activity kept
            line 8 bad_number: activity XM-TEST-1, transaction 2 (line 8): value 'NaN' is not a decimal number; the transaction was left out, the rest of the activity kept
            === iati_value_1e309.xml
            accepted 1
            line 7 bad_number: activity XM-TEST-1, transaction 1 (line 7): value '1E+309' is outside the range the warehouse keeps, DECIMAL(20,4): at most 16 digits before the point and 4 after, up to ±9999999999999999.9999; the transaction was left out, the rest of the activity kept
            === iati_value_5_places.xml
            accepted 1
            line 7 bad_number: activity XM-TEST-1, transaction 1 (line 7): value '100.12345' has more than 4 decimal places, more than the warehouse keeps; the transaction was left out, the rest of the activity kept
            === iati_date_99999.xml
            accepted 1
            line 7 bad_date: activity XM-TEST-1, transaction 1 (line 7): transaction-date '+99999-01-01' is not a date (YYYY-MM-DD, in the years 1000 to 9999); the transaction was left out, the rest of the activity kept
            === iati_identifier_300_chars.xml
            accepted 0
            line 3 bad_value: activity XM-9999999999999999999999999999999999999… (line 3): project_id is 300 characters long, more than the 256 Mizan keeps for an identifier or code. If the file is right, raise the limit: MIZAN_MAX_ID_CHARS=512 (now 256). The whole activity was left out.
            === iati_good.xml.gz
            accepted 1
            === iati_truncated.xml.gz
            refused: {file}: is a gzip file that is cut short (truncated: its compressed data ends early). Ask the source to send it again.
            === iati_doctype.xml
            refused: {file}: the file declares a DOCTYPE (it ends on line 2). IATI files have none, and Mizan reads no DTD or external entity (a safeguard against entity attacks); remove the DOCTYPE and its entities, or ask the publisher for the file as published.
            === iati_pdf.xml
            refused: {file}: is a PDF document, not a data export. Ask the source for its CSV or XLSX export.
            === xlsx_values.xlsx
            accepted 2
            line 3 bad_number: amount '1000000000000000000000000000000.0000' is outside the range the warehouse keeps, DECIMAL(18,4): at most 14 digits before the point and 4 after, up to ±99999999999999.9999
            line 4 bad_timestamp: sent_at '+99999-01-01T00:00:00Z' is outside the years 1000 to 9999 that Mizan keeps
            === xlsx_truncated.xlsx
            refused: {file}: cannot be read as an XLSX workbook: its zip structure is damaged or cut short. Ask the source to export it again.
            === xlsx_doctype.xlsx
            refused: {file}: its part xl/worksheets/sheet1.xml declares a DOCTYPE, which no workbook needs and Mizan never reads (DTDs, external entities and entity expansion are refused). Ask the source to export the workbook again from the spreadsheet program.
            === xlsx_ratio_bomb.xlsx
            refused: {file}: its part xl/worksheets/sheet1.xml expands more than 100 times its compressed size (1056454 bytes from 3072 so far), which no spreadsheet does: a zip bomb? Ask the source to export the workbook again. If the file is right, raise the limit: MIZAN_MAX_XLSX_RATIO=200 (now 100).
            === xlsx_csv_renamed.xlsx
            refused: {file}: is not an XLSX workbook (no zip signature). If it is a CSV export, use a csv mapping; if it is an old .xls, save it as .xlsx.
            === xlsx_pdf.xlsx
            refused: {file}: is not an XLSX workbook (no zip signature): it is a PDF document, not a data export. Ask the source for its CSV or XLSX export.
            === xlsx_gzip.xlsx
            refused: {file}: is not an XLSX workbook (no zip signature): it is gzip-compressed: decompress it first (gunzip). Only CSV, JSON Lines and XML files are read compressed.
            === xlsx_empty_zip.xlsx
            refused: {file}: is a zip archive but not an XLSX workbook (it has no [Content_Types].xml part). If the export is inside it, unzip it and load that file.
            """;

    @Test
    void theCommittedCorpusIsExactlyWhatTheGeneratorMakes() throws IOException {
        Map<String, byte[]> made = BadInputCorpus.files();
        try (Stream<Path> files = Files.list(BadInputCorpus.DIR)) {
            assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
                    .isEqualTo(made.keySet());
        }
        SoftAssertions soft = new SoftAssertions();
        made.forEach((name, bytes) -> soft.assertThat(read(name)).as(name).isEqualTo(bytes));
        soft.assertAll();
        assertThat(made).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void everyFileHasItsExpectedOutcome() {
        Map<String, String> expected = expected();
        assertThat(expected.keySet()).isEqualTo(BadInputCorpus.files().keySet());
        SoftAssertions soft = new SoftAssertions();
        expected.forEach((name, outcome) -> {
            // when
            String actual =
                    CorpusReader.outcome(BadInputCorpus.DIR.resolve(name).toAbsolutePath());
            // then
            soft.assertThat(actual).as(name).isEqualTo(outcome);
        });
        soft.assertAll();
    }

    private static Map<String, String> expected() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String block : EXPECTED.strip().split("\n?=== ")) {
            if (!block.isBlank()) {
                int nl = block.indexOf('\n');
                out.put(block.substring(0, nl), block.substring(nl + 1).strip());
            }
        }
        return out;
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(BadInputCorpus.DIR.resolve(name));
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
