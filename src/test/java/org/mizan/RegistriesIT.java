package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.jobs.ingest.QuarantineReader;

/**
 * The three fixture municipalities end to end (fixtures/registries, written by fixtures/tools/make_registry_fixtures.py):
 * Dhankuta (Nepal, English CSV), Jamoat Rudaki (Tajikistan, Russian, semicolons, Windows-1251) and Kutaisi
 * (Georgia, XLSX with Georgian headers), people and services. Every expected value below is worked out by hand
 * from the fixture rows (the reasoning is in the comments) and checked by fixtures/tools/registry_expected.py.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistriesIT {

    private final MizanCli cli = MizanCli.inTempHome("registries");
    private MizanCli.Result dhankutaPeople;
    private MizanCli.Result rudakiPeople;
    private MizanCli.Result kutaisiPeople;
    private MizanCli.Result dhankutaServices;
    private MizanCli.Result rudakiServices;
    private MizanCli.Result kutaisiServices;

    private byte[] workbookBefore;

    @BeforeAll
    void loadTheThreeMunicipalities() throws Exception {
        workbookBefore = Files.readAllBytes(MizanCli.FIXTURES.resolve("registries/kutaisi_people_2024.xlsx"));
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("load-gazetteer", "registries/admin_units_ge.csv");
        cli.load("load-fx-rates", "fx/fx_rates.csv");
        cli.load("load-fx-rates", "registries/fx_rates_gel.csv");
        dhankutaPeople = cli.load(
                "ingest-registries", "registries/dhankuta_people_2024.csv", "mapping=registries/dhankuta-people");
        rudakiPeople = cli.load(
                "ingest-registries", "registries/rudaki_migrants_2024.csv", "mapping=registries/rudaki-people");
        kutaisiPeople = cli.load(
                "ingest-registries", "registries/kutaisi_people_2024.xlsx", "mapping=registries/kutaisi-people");
        dhankutaServices = cli.load(
                "ingest-registries", "registries/dhankuta_services_2024.csv", "mapping=registries/dhankuta-services");
        rudakiServices = cli.load(
                "ingest-registries", "registries/rudaki_services_2024.csv", "mapping=registries/rudaki-services");
        kutaisiServices = cli.load(
                "ingest-registries", "registries/kutaisi_services_2024.xlsx", "mapping=registries/kutaisi-services");
    }

    @Test
    void aWorkbookIsReadAndNeverWrittenBack() throws Exception {
        assertThat(Files.readAllBytes(MizanCli.FIXTURES.resolve("registries/kutaisi_people_2024.xlsx")))
                .isEqualTo(workbookBefore);
    }

    @Test
    void eachFileIsReadWithItsCountsAndRejectsByRule() {
        // Dhankuta: 10 rows; record 7 returns before leaving, 8 is born 2015, 9 lives in NP-P1-DHA-M99, 10 has no ID
        // and no name
        assertThat(dhankutaPeople.out())
                .contains("10 lines read: 6 people stored, 4 rejected")
                .contains(
                        "rejected by rule: implausible_birth_year 1, required 1, return_before_departure 1, unknown_unit 1");
        // Rudaki: 8 rows; record 21 lives in the retired jamoat J09 in 2024, record 23 left on 31.02.2023
        assertThat(rudakiPeople.out())
                .contains("8 lines read: 6 people stored, 2 rejected")
                .contains("rejected by rule: bad_date 1, unknown_unit 1");
        // Kutaisi: 7 rows; 106 born 1850, 107 a returnee without a return date
        assertThat(kutaisiPeople.out())
                .contains("7 rows read: 5 people stored, 2 rejected")
                .contains("rejected by rule: implausible_birth_year 1, required 1");
        assertThat(dhankutaServices.out())
                .contains("9 lines read: 4 service deliveries stored, 5 rejected")
                .contains(
                        "rejected by rule: amount_not_positive 1, bad_beneficiary_category 1, bad_currency 1, bad_service_type 1, unknown_beneficiary 1");
        assertThat(rudakiServices.out())
                .contains("6 lines read: 4 service deliveries stored, 2 rejected")
                .contains("rejected by rule: duplicate_in_file 1, required 1");
        assertThat(kutaisiServices.out())
                .contains("4 rows read: 3 service deliveries stored, 1 rejected")
                .contains("rejected by rule: amount_not_positive 1");
    }

    @Test
    void theRejectsKeepTheirLinesAndRulesWithThePersonalDataMasked() throws Exception {
        List<List<String>> rejects = quarantined();
        String lines = rejects.stream()
                .map(r -> r.get(0) + ":" + r.get(1) + ":" + r.get(2))
                .sorted()
                .collect(Collectors.joining("\n"));
        assertThat(lines)
                .isEqualTo(String.join(
                        "\n",
                        "dhankuta_people_2024.csv:10:unknown_unit",
                        "dhankuta_people_2024.csv:11:required",
                        "dhankuta_people_2024.csv:8:return_before_departure",
                        "dhankuta_people_2024.csv:9:implausible_birth_year",
                        "dhankuta_services_2024.csv:5:bad_service_type",
                        "dhankuta_services_2024.csv:6:amount_not_positive",
                        "dhankuta_services_2024.csv:7:bad_currency",
                        "dhankuta_services_2024.csv:8:unknown_beneficiary",
                        "dhankuta_services_2024.csv:9:bad_beneficiary_category",
                        "kutaisi_people_2024.xlsx:7:implausible_birth_year",
                        "kutaisi_people_2024.xlsx:8:required",
                        "kutaisi_services_2024.xlsx:5:amount_not_positive",
                        "rudaki_migrants_2024.csv:6:unknown_unit",
                        "rudaki_migrants_2024.csv:8:bad_date",
                        "rudaki_services_2024.csv:6:required",
                        "rudaki_services_2024.csv:7:duplicate_in_file"));
        // the raw line keeps the codes and dates a municipality needs to find and fix the row, never the person
        assertThat(raw(rejects, "dhankuta_people_2024.csv", "8"))
                .isEqualTo("7,Returnee,***,***,***,Female,1991,NP-P1-DHA-M01,QA,2023-08-01,2023-07-01,,2024-01-10");
        assertThat(raw(rejects, "rudaki_migrants_2024.csv", "6"))
                .isEqualTo("21;***;***;***;М;1990;TJ-SU-PNJ-J09;RU;01.02.2024;;05.02.2024");
        assertThat(raw(rejects, "kutaisi_people_2024.xlsx", "7"))
                .isEqualTo("106,***,***,***,მ,1850,GE-IM-KUT,მიგრანტი,RU,01.01.2023,,05.01.2023");
        assertThat(raw(rejects, "dhankuta_services_2024.csv", "5"))
                .isEqualTo("S-4,NP-P1-DHA-M01,counselling,***,,returnee,2024-03-11,,,MRC Dhankuta");
        assertThat(message(rejects, "rudaki_services_2024.csv", "7"))
                .isEqualTo("service_id У-3 was already accepted at line 4");
        assertThat(message(rejects, "rudaki_migrants_2024.csv", "6"))
                .isEqualTo(
                        "home_unit_code 'TJ-SU-PNJ-J09' was not valid on 2024-02-05 (valid 2015-01-01 to 2023-12-31)");
        assertThat(message(rejects, "dhankuta_people_2024.csv", "9"))
                .isEqualTo("birth_year 2015 makes the person 9 years old on 2024-01-12 (plausible: 14 to 100)");
        assertThat(message(rejects, "dhankuta_services_2024.csv", "8"))
                .startsWith("beneficiary_record 99 is not in the registry of NP-DHA-M01-MRC");
    }

    @Test
    void migrantsAbroadCountEachPersonOnceAndLeaveOutThoseWhoReturned() {
        // Dhankuta: Ram Bahadur Thapa (records 1 and 6, one person) and Sita Kumari Rai; Rudaki: Madina Nazarova
        // (Daler Karimov, record 17, returned: record 22); Kutaisi: Levan Japaridze
        assertThat(cli.query("select home_unit_code, sex, count(*) from migrants_abroad group by all order by all")
                        .toString())
                .isEqualTo("[[GE-IM-KUT, M, 1], [NP-P1-DHA-M01, F, 1], [NP-P1-DHA-M01, M, 1], [TJ-SU-PNJ-J04, F, 1]]");
        assertThat(cli.query(
                                "select source_id, destination_country, departure_on::varchar, registered_on::varchar, birth_year"
                                        + " from migrants_abroad order by source_id, birth_year")
                        .toString())
                .isEqualTo("[[GE-IM-KUT-MUNICIPALITY, DE, 2023-09-15, 2023-09-01, 1997],"
                        + " [NP-DHA-M01-MRC, QA, 2022-05-10, 2022-05-01, 1990], [NP-DHA-M01-MRC, MY, 2023-01-15, 2023-01-05, 1995],"
                        + " [TJ-PNJ-J04-JAMOAT, RU, 2022-05-05, 2022-05-10, 2001]]");
        // the person registered twice is flagged, once in each registry where it happened (Ram in Dhankuta, Giorgi in
        // Kutaisi)
        assertThat(cli.query("select registry, records, source_ids from registry_duplicates order by registry")
                        .toString())
                .isEqualTo("[[migrant, 2, NP-DHA-M01-MRC], [returnee, 2, GE-IM-KUT-MUNICIPALITY]]");
    }

    @Test
    void returneesWithTheirYearsAbroad() {
        // Dhankuta: Hari (M), Gita (F, ward 5), Bishnu (M, no ID: by name + birth year + unit); Rudaki: Nigina (F),
        // Farhod (M), Daler (M), Zarina (F); Kutaisi: Giorgi (M, twice), Nino (F), Tamar (F)
        assertThat(cli.query("select home_unit_code, sex, count(*) from returnees group by all order by all")
                        .toString())
                .isEqualTo("[[GE-IM-KUT, F, 2], [GE-IM-KUT, M, 1], [NP-P1-DHA-M01, M, 2], [NP-P1-DHA-M01-W05, F, 1],"
                        + " [TJ-SU-PNJ-J04, F, 2], [TJ-SU-PNJ-J04, M, 2]]");
        // years abroad = days between departure and return / 365.25, one decimal (e.g. Hari: 2019-03-01 to 2024-02-10,
        // 1807 days)
        assertThat(cli.query(
                                "select returned_on::varchar, destination_country, years_abroad from returnees order by returned_on, destination_country")
                        .toString())
                .isEqualTo(
                        "[[2024-01-15, RU, 4.4], [2024-01-20, SA, 3.6], [2024-02-05, GR, 5.1], [2024-02-10, AE, 4.9],"
                                + " [2024-02-10, KZ, 5.9], [2024-03-01, GR, 2.2], [2024-03-01, RU, 2.9], [2024-03-05, KW, 2.9],"
                                + " [2024-03-20, IT, 3.8], [2024-03-20, RU, 2.8]]");
    }

    @Test
    void serviceDeliveriesInUsDollars() {
        assertThat(cli.value("select count(*) from service_deliveries")).isEqualTo("11");
        // 50000 NPR / 133.4709 (2024-03-01); 1500 TJS on Sunday 2024-03-10 / 10.9242 (Friday 03-08);
        // 2000 GEL / 2.65 (2024-03-15); 500 GEL on Saturday 03-16 / 2.65 (Friday's rate)
        assertThat(cli.query(
                                "select service_id, amount, currency, amount_usd from service_deliveries where amount is not null order by service_id")
                        .toString())
                .isEqualTo(
                        "[[G-2, 2000.0000, GEL, 754.7170], [G-3, 500.0000, GEL, 188.6792], [S-2, 50000.0000, NPR, 374.6135],"
                                + " [У-3, 1500.0000, TJS, 137.3098]]");
        assertThat(cli.query("select service_type, count(*) from service_deliveries group by all order by all")
                        .toString())
                .isEqualTo(
                        "[[business_training, 1], [financial_literacy, 2], [job_placement, 1], [psychosocial_support, 1],"
                                + " [reintegration_assistance, 2], [seed_funding, 4]]");
        assertThat(cli.query(
                                "select unit_code, beneficiary_category, count(*) from service_deliveries group by all order by all")
                        .toString())
                .isEqualTo(
                        "[[GE-IM-KUT, returnee, 3], [NP-P1-DHA-M01, migrant_family, 1], [NP-P1-DHA-M01, returnee, 3],"
                                + " [TJ-SU-PNJ-J04, migrant_family, 1], [TJ-SU-PNJ-J04, returnee, 2], [TJ-SU-PNJ-J05, returnee, 1]]");
    }

    @Test
    void aMigrantWhoReturnsAndIsServedIsOnePersonAcrossRegistriesAndMunicipalities() throws Exception {
        // Daler Karimov, passport A1234567: migrant (Rudaki line 2), returnee (line 7, passport written "a 123-4567"),
        // seed funding У-3. His person_id is computed here independently: HMAC-SHA-256 with the home's key over
        // "id:A1234567"
        String daler = expectedPersonId("id:A1234567");
        assertThat(cli.query("select registry, source_line from fct_registry_people where person_id = '" + daler
                                + "' order by source_line")
                        .toString())
                .isEqualTo("[[migrant, 2], [returnee, 7]]");
        assertThat(cli.value("select service_id from service_deliveries where person_id = '" + daler + "'"))
                .isEqualTo("У-3");
        // Farhod Rakhimov (home Jamoat Rudaki J04) was placed in a job in Jamoat Amondara (J05): served, counted at
        // home
        String farhod = expectedPersonId("id:A2345678");
        assertThat(cli.value("select unit_code from service_deliveries where person_id = '" + farhod + "'"))
                .isEqualTo("TJ-SU-PNJ-J05");
        assertThat(cli.value("select home_unit_code from returnees where person_id = '" + farhod + "'"))
                .isEqualTo("TJ-SU-PNJ-J04");
        // Gita Gurung's seed funding names her by the MRC's record number 4, Bishnu Magar's by record 5 (he has no ID):
        // both resolve to the person_id of their registry record
        assertThat(
                        cli.value(
                                "select count(*) from service_deliveries s join returnees r using (person_id) where s.service_id in ('S-2', 'S-9')"))
                .isEqualTo("2");
        assertThat(
                        cli.value(
                                "select id_basis from fct_registry_people where source_id = 'NP-DHA-M01-MRC' and record_id = '5'"))
                .isEqualTo("name_birth_unit");
    }

    @Test
    void reintegrationCoverageAtEveryLevelAndBySex() {
        // served = a service on or after the return date. Dhankuta: Hari (M) S-1 after his return, Gita (F) S-2,
        // Bishnu (M) S-9 on 2024-03-01, before his return on 03-05: not served. Rudaki: Nigina (F) У-1, Farhod (M) У-2,
        // Daler (M) У-3; Zarina (F) none (Nigina's У-5 was rejected). Kutaisi: Giorgi (M) G-1, Tamar (F) G-2 and G-3;
        // Nino none.
        assertThat(coverage("NP-P1-DHA-M01"))
                .isEqualTo("[[3, 2024, F, 1, 1, 100.0], [3, 2024, M, 2, 1, 50.0], [3, 2024, all, 3, 2, 66.7]]");
        assertThat(coverage("NP-P1-DHA-M01-W05")).isEqualTo("[[4, 2024, F, 1, 1, 100.0], [4, 2024, all, 1, 1, 100.0]]");
        // Gita lives in ward 5 of Dhankuta Municipality: the district, Koshi Province and Nepal count all three
        assertThat(coverage("NP-P1-DHA"))
                .isEqualTo("[[2, 2024, F, 1, 1, 100.0], [2, 2024, M, 2, 1, 50.0], [2, 2024, all, 3, 2, 66.7]]");
        assertThat(coverage("NP-P1"))
                .isEqualTo("[[1, 2024, F, 1, 1, 100.0], [1, 2024, M, 2, 1, 50.0], [1, 2024, all, 3, 2, 66.7]]");
        assertThat(coverage("NP"))
                .isEqualTo("[[0, 2024, F, 1, 1, 100.0], [0, 2024, M, 2, 1, 50.0], [0, 2024, all, 3, 2, 66.7]]");
        assertThat(coverage("TJ-SU-PNJ-J04"))
                .isEqualTo("[[3, 2024, F, 2, 1, 50.0], [3, 2024, M, 2, 2, 100.0], [3, 2024, all, 4, 3, 75.0]]");
        assertThat(coverage("TJ-SU-PNJ-J05")).isEqualTo("[]");
        assertThat(coverage("TJ"))
                .isEqualTo("[[0, 2024, F, 2, 1, 50.0], [0, 2024, M, 2, 2, 100.0], [0, 2024, all, 4, 3, 75.0]]");
        // Giorgi, registered twice, is one returnee
        assertThat(coverage("GE-IM-KUT"))
                .isEqualTo("[[3, 2024, F, 2, 1, 50.0], [3, 2024, M, 1, 1, 100.0], [3, 2024, all, 3, 2, 66.7]]");
        assertThat(coverage("GE"))
                .isEqualTo("[[0, 2024, F, 2, 1, 50.0], [0, 2024, M, 1, 1, 100.0], [0, 2024, all, 3, 2, 66.7]]");
    }

    private String coverage(String unit) {
        return cli.query(
                        "select level, period, sex, returnees, returnees_served, coverage_pct from reintegration_coverage"
                                + " where unit_code = '" + unit + "' order by sex")
                .toString();
    }

    /** HMAC-SHA-256 of the home's first key, the only one before any rotation, in hex. */
    String expectedPersonId(String identity) throws Exception {
        String line = Files.readAllLines(cli.home().resolve("keys/pseudonym.keys")).stream()
                .filter(l -> l.startsWith("1 "))
                .findFirst()
                .orElseThrow();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(
                java.util.Base64.getDecoder().decode(line.substring(2).strip()), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(identity.getBytes(StandardCharsets.UTF_8)));
    }

    private List<List<String>> quarantined() throws Exception {
        Path dir = cli.home().resolve("quarantine/ingest-registries");
        List<List<String>> out = new java.util.ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                out.addAll(QuarantineReader.read(f, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String raw(List<List<String>> rejects, String file, String line) {
        return rejects.stream()
                .filter(r -> r.get(0).equals(file) && r.get(1).equals(line))
                .findFirst()
                .orElseThrow()
                .get(4);
    }

    private static String message(List<List<String>> rejects, String file, String line) {
        return rejects.stream()
                .filter(r -> r.get(0).equals(file) && r.get(1).equals(line))
                .findFirst()
                .orElseThrow()
                .get(3);
    }
}
