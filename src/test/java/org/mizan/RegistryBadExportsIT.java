package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Municipal exports that are not what their mapping says: each fails with a message naming the file and the fix,
 * leaves the lake as it was, and once corrected loads every good row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryBadExportsIT {

    private static final Charset CP1251 = Charset.forName("windows-1251");
    private final MizanCli cli = MizanCli.inTempHome("bad-registries");
    private Path dir;
    private String rudaki;

    @BeforeAll
    void gazetteer() throws Exception {
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        dir = MizanCli.tempDir("bad-registries");
        rudaki = new String(
                Files.readAllBytes(MizanCli.FIXTURES.resolve("registries/rudaki_migrants_2024.csv")), CP1251);
    }

    @Test
    void aWindows1251ExportUnderAMappingThatSaysUtf8() throws Exception {
        Path mapping = dir.resolve("rudaki-utf8.yml");
        String yml = Files.readString(MizanCli.FIXTURES.getParent().resolve("jobs/registries/rudaki-people.yml"));
        Files.writeString(mapping, yml.replace("encoding: windows-1251", "encoding: UTF-8"));
        Path f = copy("rudaki_a.csv", rudaki, CP1251);
        MizanCli.Result r = cli.run("run", "ingest-registries", "file=" + f, "mapping=" + mapping);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains(
                        f
                                + ": line 1 is not valid UTF-8. Declare the file's real encoding in mapping 'rudaki-utf8' (e.g. encoding: windows-1251)");
        assertThat(peopleIn("rudaki_a.csv")).isEqualTo("0");
        // with the right mapping, every good row loads
        assertThat(cli.run("run", "ingest-registries", "file=" + f, "mapping=registries/rudaki-people")
                        .out())
                .contains("6 people stored, 2 rejected");
        assertThat(peopleIn("rudaki_a.csv")).isEqualTo("6");
    }

    @Test
    void aUtf8ExportUnderAMappingThatSaysWindows1251() throws Exception {
        Path f = copy("rudaki_b.csv", rudaki, StandardCharsets.UTF_8);
        MizanCli.Result r = cli.run("run", "ingest-registries", "file=" + f, "mapping=registries/rudaki-people");
        assertThat(r.code()).isEqualTo(1);
        // UTF-8 Cyrillic holds bytes Windows-1251 does not define (0x98, the second byte of "И"): said on its line
        assertThat(r.out())
                .contains(f + ": line 1 is not valid windows-1251. Declare the file's real encoding in mapping"
                        + " 'registries/rudaki-people' (e.g. encoding: UTF-8).");
        assertThat(peopleIn("rudaki_b.csv")).isEqualTo("0");
    }

    @Test
    void aMissingRequiredColumnIsNamedWithTheHeaderFound() throws Exception {
        String[] lines = rudaki.split("\r\n");
        StringBuilder without = new StringBuilder();
        for (String line : lines) {
            // drop the passport column (the 4th)
            String[] cells = line.split(";", -1);
            without.append(String.join(";", Arrays.copyOfRange(cells, 0, 3)))
                    .append(';')
                    .append(String.join(";", Arrays.copyOfRange(cells, 4, cells.length)))
                    .append("\r\n");
        }
        Path f = copy("rudaki_c.csv", without.toString(), CP1251);
        MizanCli.Result r = cli.run("run", "ingest-registries", "file=" + f, "mapping=registries/rudaki-people");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains(
                        f
                                + ": line 1 (header) lacks required column(s) national_id [Паспорт, № паспорта]; found 10 columns: №")
                .contains("or add the header names as aliases there");
        assertThat(peopleIn("rudaki_c.csv")).isEqualTo("0");
    }

    @Test
    void anExportWithoutItsHeaderNeverPutsAPersonIntoTheMessage() throws Exception {
        Path f = copy("rudaki_h.csv", rudaki.substring(rudaki.indexOf("\r\n") + 2), CP1251);
        MizanCli.Result r = cli.run("run", "ingest-registries", "file=" + f, "mapping=registries/rudaki-people");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains(f + ": line 1 (header) lacks required column(s) record_id [№, N]")
                .contains("found 11 columns: *** | *** | ***")
                .doesNotContain("Каримов")
                .doesNotContain("A1234567");
    }

    @Test
    void anEmptyFileAndAFileWithOnlyAHeader() throws Exception {
        Path empty = copy("rudaki_d.csv", "", CP1251);
        MizanCli.Result e = cli.run("run", "ingest-registries", "file=" + empty, "mapping=registries/rudaki-people");
        assertThat(e.code()).isEqualTo(1);
        assertThat(e.out()).contains(empty + ": the file is empty. Ask the source to deliver it again.");
        Path header = copy("rudaki_e.csv", rudaki.substring(0, rudaki.indexOf("\r\n") + 2), CP1251);
        MizanCli.Result h = cli.run("run", "ingest-registries", "file=" + header, "mapping=registries/rudaki-people");
        assertThat(h.code()).isEqualTo(1);
        assertThat(h.out())
                .contains(
                        header
                                + ": has a header but no data rows, so the lake was left as it was. Ask the source to deliver the file again.");
        Path emptyXlsx = dir.resolve("kutaisi_empty.xlsx");
        Files.write(emptyXlsx, new byte[0]);
        assertThat(cli.run("run", "ingest-registries", "file=" + emptyXlsx, "mapping=registries/kutaisi-people")
                        .out())
                .contains(emptyXlsx + ": the file is empty. Ask the source to deliver it again.");
    }

    @Test
    void aTruncatedLastLineIsRejectedAndEveryGoodRowLoaded() throws Exception {
        // the export was cut in the middle of Zarina Kholova's row (the last one)
        Path f = copy("rudaki_f.csv", rudaki.substring(0, rudaki.lastIndexOf("Холова") + 6), CP1251);
        MizanCli.Result r = cli.run("run", "ingest-registries", "file=" + f, "mapping=registries/rudaki-people");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("8 lines read: 5 people stored, 3 rejected")
                .contains("malformed_line 1");
        assertThat(peopleIn("rudaki_f.csv")).isEqualTo("5");
        // the quarantine names the line, and withholds it: a cut line's cells cannot be told apart, and it holds a name
        String quarantine;
        List<List<String>> rows;
        try (var s = Files.walk(cli.home().resolve("quarantine"))) {
            Path q = s.filter(p -> p.getFileName().toString().endsWith("rudaki_f.csv.rejects.csv"))
                    .findFirst()
                    .orElseThrow();
            quarantine = Files.readString(q);
            rows = org.mizan.jobs.ingest.QuarantineReader.read(q, StandardCharsets.UTF_8);
        }
        // read as CSV (the quarantine quotes only the fields that need it)
        assertThat(rows)
                .anySatisfy(row -> assertThat(row.subList(0, 3)).containsExactly("rudaki_f.csv", "9", "malformed_line"))
                .filteredOn(row -> row.get(1).equals("9"))
                .singleElement()
                .satisfies(row -> assertThat(row.get(3)).startsWith("line has 2 fields where the header has 11"));
        assertThat(quarantine)
                .contains("(withheld: a malformed line of a file with personal data")
                .doesNotContain("Холова");
    }

    @Test
    void theFormatsOwnExampleInUtf8WithABomLoadsUnderTheWindows1251Mapping() throws Exception {
        // docs/formats.md §4, verbatim: a UTF-8 byte-order mark wins over the mapping's encoding
        Path f = dir.resolve("rudaki_g.csv");
        Files.write(
                f,
                ("\uFEFF№;ФИО;Тел.;Паспорт;Пол;Год рожд.;Джамоат;Страна;Выезд;Возврат\n"
                                + "17;Каримов Далер;+992 93 555 01 17;A1234567;М;1994;TJ-SU-PNJ-J04;RU;12.04.2021;\n"
                                + "18;Саидова Нигина;+992 91 555 02 18;A7654321;Ж;1999;TJ-SU-PNJ-J04;RU;03.09.2019;15.01.2024\n")
                        .getBytes(StandardCharsets.UTF_8));
        MizanCli.Result r = cli.run("run", "ingest-registries", "file=" + f, "mapping=registries/rudaki-people");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("2 lines read: 2 people stored, 0 rejected");
        assertThat(cli.query(
                                "select record_id, registry, sex, departure_on::varchar, returned_on::varchar, record_on::varchar"
                                        + " from fct_registry_people where source_file = 'rudaki_g.csv' order by record_id")
                        .toString())
                .isEqualTo(
                        "[[17, migrant, M, 2021-04-12, null, 2021-04-12], [18, returnee, F, 2019-09-03, 2024-01-15, 2024-01-15]]");
    }

    @Test
    void aStandardExportNeedsNoMapping() throws Exception {
        Path people = copy(
                "np-dha-m01_people.csv",
                "record_id,registry,full_name,phone,national_id,sex,birth_year,home_unit_code,"
                        + "destination_country,departure_date,return_date,occupation,household_id,date_registered\n"
                        + "1,migrant abroad,Asha Limbu,+977 9800000001,12-01-80-11111,female,1994,NP-P1-DHA-M01,QA,2023-02-01,,,HH-1,2023-02-03\n"
                        + "2,returnee,Dil Kumar Rai,+977 9800000002,,male,1986,NP-P1-DHA-M01,MY,2020-01-10,2024-02-01,,HH-2,2024-02-02\n",
                StandardCharsets.UTF_8);
        MizanCli.Result r = cli.run("run", "ingest-registries", "file=" + people);
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out())
                .contains("(mapping defaults/registry-people")
                .contains("2 lines read: 2 people stored, 0 rejected");
        Path services = copy(
                "np-dha-m01_services.csv",
                "service_id,unit_code,service_type,beneficiary_id,beneficiary_record,"
                        + "beneficiary_category,delivered_on,amount,currency,provider\n"
                        + "X-1,NP-P1-DHA-M01,seed_funding,,2,returnee,2024-02-10,20000.00,NPR,MRC\n",
                StandardCharsets.UTF_8);
        MizanCli.Result s = cli.run("run", "ingest-registries", "file=" + services);
        assertThat(s.out())
                .contains("(mapping defaults/service-deliveries")
                .contains("1 line read: 1 service delivery stored, 0 rejected");
        // the service named record 2 of the registry of the same unit: Dil Kumar Rai, identified by name, birth year
        // and unit
        assertThat(cli.value(
                        "select p.id_basis from fct_service_deliveries s join fct_registry_people p using (person_id)"
                                + " where s.service_id = 'X-1'"))
                .isEqualTo("name_birth_unit");
    }

    @Test
    void aTruncatedWorkbook() throws Exception {
        byte[] whole = Files.readAllBytes(MizanCli.FIXTURES.resolve("registries/kutaisi_people_2024.xlsx"));
        Path f = dir.resolve("kutaisi_cut.xlsx");
        Files.write(f, Arrays.copyOf(whole, whole.length / 2));
        MizanCli.Result r = cli.run("run", "ingest-registries", "file=" + f, "mapping=registries/kutaisi-people");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains(f + ": cannot be read as an XLSX workbook")
                .contains("Ask the source to export it again.");
        Path csv = copy("kutaisi_people.xlsx", rudaki, CP1251);
        assertThat(cli.run("run", "ingest-registries", "file=" + csv, "mapping=registries/kutaisi-people")
                        .out())
                .contains(csv + ": is not an XLSX workbook (no zip signature)");
        // and a workbook without its mapping is told to name one
        MizanCli.Result none = cli.run("run", "ingest-registries", "file=" + f);
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err())
                .contains("a workbook needs its municipality's mapping (format: xlsx): pass mapping=NAME");
    }

    private Path copy(String name, String text, Charset cs) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(cs));
        return f;
    }

    private String peopleIn(String file) {
        return cli.value("select count(*) from fct_registry_people where source_file = '" + file + "'");
    }
}
