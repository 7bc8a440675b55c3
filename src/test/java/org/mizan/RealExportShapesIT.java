package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mizan.fixtures.RealShapes;

/**
 * Real exports as they come, through mappings alone: a gazetteer workbook (metadata sheet first, line breaks in the
 * header, six levels, parents only in the codes) and the same sheet as CSV; a flat hierarchy refused; a unit whose
 * parent does not exist rejected with both codes; a bilateral remittance matrix workbook loaded as corridor aggregates.
 */
class RealExportShapesIT {

    private static final String PER_LEVEL =
            "units per level: 0 country 1, 1 region 3, 2 province 3, 3 city/municipality 7,"
                    + " 4 sub-municipality 2, 5 barangay 11";

    private static void assertGazetteer(MizanCli cli) {
        // every parent as computed independently (longest code stem that prefixes the unit's code), and the country
        Map<String, String> expected = new TreeMap<>(RealShapes.expectedParents());
        expected.put("PH", null);
        Map<String, String> loaded = new TreeMap<>();
        for (List<Object> row : cli.query("select unit_code, parent_code from admin_units")) {
            loaded.put((String) row.get(0), (String) row.get(1));
        }
        assertThat(loaded).isEqualTo(expected);
        assertThat(cli.query("select level, count(*) from admin_units group by level order by level")
                        .toString())
                .isEqualTo("[[0, 1], [1, 3], [2, 3], [3, 7], [4, 2], [5, 11]]");
        assertThat(cli.value("select name from admin_units where unit_code = '0730600001'"))
                .isEqualTo("Santo Niño (Pob.)");
        // the mapping's level names and local level, kept in the warehouse
        assertThat(cli.query(
                                "select level, level_name, is_local_level from admin_levels where country = 'PH' order by level")
                        .toString())
                .isEqualTo(
                        "[[0, country, false], [1, region, false], [2, province, false], [3, city/municipality, true],"
                                + " [4, sub-municipality, false], [5, barangay, false]]");
        // a barangay of Manila rolls up through its sub-municipality, city and region to the country: six levels
        assertThat(cli.query(
                                "select ancestor_code from dim_unit_ancestors where unit_code = '1380601002' order by ancestor_level")
                        .toString())
                .isEqualTo("[[PH], [1300000000], [1380600000], [1380601000], [1380601002]]");
    }

    @Test
    void aGazetteerWorkbookWithAMetadataSheetAndParentsInTheCodesLoadsThroughItsMappingAlone() throws Exception {
        // given the office's workbook
        MizanCli cli = MizanCli.inTempHome("psgc-xlsx");
        Path book = RealShapes.gazetteerWorkbook(MizanCli.tempDir("psgc-xlsx"));
        // when
        MizanCli.Result r = cli.run("run", "load-gazetteer", "file=" + book, "mapping=gazetteer/psgc");
        // then 26 rows, the country added by the mapping, the note below the table not a row
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("26 rows read: 27 units stored, 0 rejected")
                .contains(PER_LEVEL);
        assertGazetteer(cli);
    }

    @Test
    void theSameSheetSavedAsCsvLoadsTheSame() throws Exception {
        MizanCli cli = MizanCli.inTempHome("psgc-csv");
        Path csv = RealShapes.gazetteerCsv(MizanCli.tempDir("psgc-csv"));
        MizanCli.Result r = cli.run("run", "load-gazetteer", "file=" + csv, "mapping=gazetteer/psgc-csv");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("26 lines read: 27 units stored, 0 rejected")
                .contains(PER_LEVEL);
        assertGazetteer(cli);
    }

    @Test
    void aFlatHierarchyIsRefusedWholeAndAMissingParentIsRejectedWithBothCodes() throws Exception {
        MizanCli cli = MizanCli.inTempHome("flat");
        Path dir = MizanCli.tempDir("flat");
        // given every unit's parent set to the country while the levels and codes go six deep
        StringBuilder flat = new StringBuilder(
                "unit_code,name,level,parent_code,country,valid_from,valid_to\nPH,Philippines,0,,PH,2020-01-01,\n");
        for (RealShapes.Unit u : RealShapes.UNITS) {
            flat.append(u.code())
                    .append(",\"")
                    .append(u.name())
                    .append("\",")
                    .append(u.level())
                    .append(",PH,PH,2020-01-01,\n");
        }
        Path flatFile = Files.writeString(dir.resolve("psgc_flat.csv"), flat.toString());
        // when / then the load fails, says why, and loads nothing
        MizanCli.Result refused = cli.run("run", "load-gazetteer", "file=" + flatFile);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.out() + refused.err())
                .contains(flatFile + ": 26 of 26 units hang directly off the country (PH) although 23 of"
                        + " them have levels 2 and below and 23 have codes that extend another unit's code (e.g. 0102800000): the parents are"
                        + " wrong, and nothing was loaded.");
        assertThat(Files.exists(cli.home().resolve("lake/admin_units"))).isFalse();
        // given a small file whose one unit names a parent that exists nowhere
        Path missing = Files.writeString(
                dir.resolve("ph_units.csv"),
                "unit_code,name,level,parent_code,country,valid_from,valid_to\n"
                        + "PH,Philippines,0,,PH,2020-01-01,\n"
                        + "1300000000,National Capital Region (NCR),1,PH,PH,2020-01-01,\n"
                        + "1380100000,City of Caloocan,3,1300000000,PH,2020-01-01,\n"
                        + "1380100001,Barangay 1,5,1380199999,PH,2020-01-01,\n"
                        + "1380100002,Barangay 2,5,1380100000,PH,2020-01-01,\n");
        MizanCli.Result partly = cli.run("run", "load-gazetteer", "file=" + missing);
        assertThat(partly.code()).as(partly.out() + partly.err()).isZero();
        assertThat(partly.out())
                .contains("5 lines read: 4 units stored, 1 rejected")
                .contains("rejected by rule: unknown_parent 1");
        String quarantine = partly.out()
                .lines()
                .filter(l -> l.strip().startsWith("quarantine:"))
                .findFirst()
                .orElseThrow()
                .replaceFirst(".*quarantine: ", "")
                .strip();
        // read as CSV (the quarantine quotes only the fields that need it)
        assertThat(org.mizan.jobs.ingest.QuarantineReader.read(
                        Path.of(quarantine), java.nio.charset.StandardCharsets.UTF_8))
                .contains(List.of(
                        "ph_units.csv",
                        "5",
                        "unknown_parent",
                        "unit 1380100001: its parent 1380199999"
                                + " is neither in the file nor already loaded, valid on 2020-01-01",
                        "1380100001,Barangay 1,5,1380199999,PH,2020-01-01,"));
    }

    @Test
    void aBilateralMatrixWorkbookLoadsAsCorridorAggregatesWithExactSums() throws Exception {
        MizanCli cli = MizanCli.inTempHome("matrix");
        Path book = RealShapes.matrixWorkbook(MizanCli.tempDir("matrix"));
        // the sums worked out here from the decimals written into the workbook
        Map<String, BigDecimal> byReceiver = new LinkedHashMap<>();
        Map<String, String> codes = Map.of("Nepal", "NP", "Philippines", "PH", "Tajikistan", "TJ", "Georgia", "GE");
        int corridors = 0;
        for (List<String> row : RealShapes.MATRIX.values()) {
            for (int j = 0; j < row.size(); j++) {
                if (!row.get(j).isEmpty() && !row.get(j).equals("-")) {
                    byReceiver.merge(
                            codes.get(RealShapes.RECEIVERS.get(j)), RealShapes.usd(row.get(j)), BigDecimal::add);
                    corridors++;
                }
            }
        }
        MizanCli.Result r =
                cli.run("run", "ingest-remittances", "file=" + book, "mapping=remittances/wb-bilateral-matrix");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        // 6 rows read (5 senders and the world row); the world row's 4 cells and each sender's world cell excluded
        assertThat(r.out())
                .contains("6 rows read: " + corridors + " corridor aggregates stored, 9 rejected")
                .contains("rejected by rule: excluded 9");
        assertThat(corridors).isEqualTo(15);
        String sums = cli
                .query("select receiving_unit_code, sum(amount_usd) from corridor_aggregates group by 1 order by 1")
                .stream()
                .map(row -> row.get(0) + "=" + ((BigDecimal) row.get(1)).toPlainString())
                .collect(Collectors.joining(", "));
        assertThat(sums)
                .isEqualTo(new TreeMap<>(byReceiver)
                        .entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue().toPlainString())
                                .collect(Collectors.joining(", ")));
        assertThat(cli.query("select period, sender_country, amount_usd, txn_count, reporter from corridor_aggregates"
                                + " where sender_country = 'KR' and receiving_unit_code = 'NP'")
                        .toString())
                .isEqualTo("[[2021, KR, 356202020.2000, null, WB-KNOMAD]]");
    }

    @Test
    void checkMappingPrintsRowsAsStoredAndWhatALoadWouldDoWritingNothing() throws Exception {
        MizanCli cli = MizanCli.inTempHome("check-mapping");
        Path book = RealShapes.matrixWorkbook(MizanCli.tempDir("check-mapping"));
        MizanCli.Result r = cli.run(
                "check-mapping", "--mapping", "remittances/wb-bilateral-matrix", "--rows", "1", book.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList())
                .containsExactly(
                        "mapping remittances/wb-bilateral-matrix: dataset corridor_aggregates, format xlsx",
                        "line 4: {\"period\": \"2021\", \"sender_country\": \"QA\", \"receiving_unit_code\": \"NP\", \"amount_usd\": 1213456789.1000,"
                                + " \"txn_count\": null, \"reporter\": \"WB-KNOMAD\", \"source_id\": \"wb-bilateral-matrix\","
                                + " \"source_file\": \"Bilateral-Remittance-Matrix-2021.xlsx\", \"source_line\": 4}",
                        "line 4: {\"period\": \"2021\", \"sender_country\": \"QA\", \"receiving_unit_code\": \"PH\", \"amount_usd\": 1043208945.1200,"
                                + " \"txn_count\": null, \"reporter\": \"WB-KNOMAD\", \"source_id\": \"wb-bilateral-matrix\","
                                + " \"source_file\": \"Bilateral-Remittance-Matrix-2021.xlsx\", \"source_line\": 4}",
                        "line 4: {\"period\": \"2021\", \"sender_country\": \"QA\", \"receiving_unit_code\": \"GE\", \"amount_usd\": 751234.5000,"
                                + " \"txn_count\": null, \"reporter\": \"WB-KNOMAD\", \"source_id\": \"wb-bilateral-matrix\","
                                + " \"source_file\": \"Bilateral-Remittance-Matrix-2021.xlsx\", \"source_line\": 4}",
                        "line 4: REJECTED excluded: receiver_name 'WORLD': the matrix's total column, not a corridor",
                        "a load would read 6 row(s): accept 15 record(s), reject 9 (excluded 9)",
                        "nothing was written");
        try (java.util.stream.Stream<Path> files = Files.walk(cli.home())) {
            assertThat(files.filter(Files::isRegularFile).toList())
                    .as("files written under the home")
                    .isEmpty();
        }
    }

    @Test
    void aMappingWithAMisspelledKeyStopsRunAndCheckMappingWithExitCode2AndOnePlainLine() throws Exception {
        MizanCli cli = MizanCli.inTempHome("bad-mapping");
        Path dir = MizanCli.tempDir("bad-mapping");
        Path yml = Files.writeString(
                dir.resolve("provider.yml"),
                "dataset: remittance_transactions\nformat: csv\ndelimeter: \";\"\n" + "columns:\n  - txn_id\n");
        Path csv = Files.writeString(dir.resolve("feed.csv"), "txn_id\nT1\n");
        for (MizanCli.Result r : List.of(
                cli.run("check-mapping", "--mapping", yml.toString(), csv.toString()),
                cli.run("run", "ingest-remittances", "file=" + csv, "mapping=" + yml))) {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().lines().toList())
                    .containsExactly(
                            "mizan: mapping " + yml + ", line 3: unknown key 'delimeter' (did you mean 'delimiter'?)",
                            "mapping " + yml
                                    + ", line 5: 'columns' takes a map (name: value, one per line), not a list");
        }
    }

    @Test
    void aJsonFileGivenAsIatiIsRefusedAsWhatItIsAndRecordedLikeAnyFailedRun() throws Exception {
        MizanCli cli = MizanCli.inTempHome("iati-json");
        Path json = Files.writeString(
                MizanCli.tempDir("iati-json").resolve("activities.json"),
                "{\"iati-activities\": [{\"iati-identifier\": \"XM-DAC-47066-1\"}]}\n");
        MizanCli.Result r = cli.run("run", "ingest-ledgers", "file=" + json);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains(json + ": a JSON document, not IATI XML.");
        assertThat(cli.run("history", "--job", "ingest-ledgers").out())
                .contains("FAILED")
                .contains("activities.json");
        assertThat(cli.run("show", "1").out()).contains("a JSON document, not IATI XML");
        assertThat(Files.readString(cli.home().resolve("alerts.log")))
                .contains("ingest-ledgers")
                .contains("a JSON document, not IATI XML");
    }
}
