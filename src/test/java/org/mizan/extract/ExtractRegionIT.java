package org.mizan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.mizan.MizanCli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code mizan run extract-region} end to end on the hand-built world (fixtures/world, GoldenWorldIT has the
 * arithmetic): the files against the manifest, exact values read back from CSV, XLSX and Parquet, the region's
 * scope in every view, suppression, an unchanged second run, and a steward's partition rerun giving version 2
 * with a change notice of exactly the changed cells, delivered to the outbox beside version 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtractRegionIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final MizanCli cli = MizanCli.inTempHome("extract");
    Path ledger;
    Path v1;

    @BeforeAll
    void load() throws Exception {
        ledger = MizanCli.tempDir("extract-inbox").resolve("ledger_2024.csv");
        Files.copy(MizanCli.FIXTURES.resolve("world/ledger_2024.csv"), ledger);
        cli.load("load-gazetteer", "world/admin_units.csv");
        cli.load("ingest-remittances", "world/remittances_2024-03.csv");
        cli.load("ingest-remittances", "world/corridors_2024-03.csv");
        assertThat(cli.run("run", "ingest-ledgers", "file=" + ledger).code()).isZero();
        cli.load("ingest-ledgers", "world/plan_2024.csv");
        cli.load("ingest-registries", "world/people.csv");
        cli.load("ingest-registries", "world/services.csv");
        Files.writeString(cli.home().resolve("extracts.yml"), """
                recipients:
                  - id: koshi
                    region: NP-P1
                    formats: [csv, xlsx, parquet]
                    delivery:
                      outbox: outbox/koshi
                """);
    }

    @Test
    @Order(1)
    void releaseFilesMatchTheirManifestAndHoldTheWorldsValues() throws Exception {
        MizanCli.Result r = cli.run("run", "extract-region", "region=NP-P1", "period=2024-Q1");
        assertThat(r.code()).as(r.err()).isZero();
        v1 = cli.home().resolve("extracts/koshi/2024-Q1/v1");
        JsonNode m = JSON.readTree(v1.resolve("manifest.json").toFile());
        // nothing approved yet: the region's figures for the year are provisional (ApprovalWorkflowIT approves)
        assertThat(m.get("approval").toString())
                .isEqualTo("{\"unit_code\":\"NP-P1\",\"period\":\"2024\",\"approval_status\":\"unapproved\"}");
        assertThat(m.get("release_version").asInt()).isEqualTo(1);
        assertThat(m.get("region").asString()).isEqualTo("NP-P1");
        assertThat(m.get("schema_version").asString()).isEqualTo("1");
        // 9 views × (CSV + Parquet) + the workbook (issue 18 added data_quality_flags, the ninth)
        assertThat(m.get("files").size()).isEqualTo(19);
        Set<String> listed = new HashSet<>();
        for (JsonNode f : m.get("files")) {
            Path file = v1.resolve(f.get("file").asString());
            listed.add(f.get("file").asString());
            assertThat(org.mizan.config.Checksums.sha256(file))
                    .as(file.toString())
                    .isEqualTo(f.get("sha256").asString());
            assertThat(Files.size(file)).isEqualTo(f.get("bytes").asLong());
            int rows = f.get("rows").asInt();
            switch (f.get("format").asString()) {
                case "csv" ->
                    assertThat(Files.readAllLines(file).size() - 1)
                            .as(file.toString())
                            .isEqualTo(rows);
                case "parquet" ->
                    assertThat(parquetRows(file)).as(file.toString()).isEqualTo(rows);
                default -> assertThat(xlsxRows(file)).isEqualTo(rows);
            }
        }
        try (var s = Files.list(v1)) {
            assertThat(s.map(p -> p.getFileName().toString())
                            .filter(n -> !n.equals("manifest.json"))
                            .toList())
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
        // the source partitions behind it: the gazetteer, March's transactions, April's ledgers, the registries of 2024
        List<String> partitions = new ArrayList<>();
        m.get("source_partitions")
                .forEach(p -> partitions.add(p.get("dataset").asString() + "/"
                        + p.get("period").asString() + "/" + p.get("source").asString()));
        assertThat(partitions)
                .contains(
                        "admin_units/all/NP",
                        "remittance_transactions/2024-03/WMT-001",
                        "funding_entries/2024-04/NP-P1-D1-M1",
                        "registry_people/2024/NP-P1-D1-M1")
                .doesNotContain("registry_people/2023/NP-P1-D1-M1");

        // GoldenWorldIT's values: 2000 + 800 USD arrived in East Region, 400 of diaspora money captured in M1
        assertThat(Files.readString(v1.resolve("remittance_investment_match.csv")))
                .isEqualTo("""
                unit_code,level,period,remittance_usd,diaspora_contribution_usd,capture_pct,flag,status,coverage_pct\r
                NP-P1,1,2024,2800.00,400.00,14.29,,reported,100.0\r
                NP-P1-D1,2,2024,2800.00,400.00,14.29,,reported,100.0\r
                NP-P1-D1-M1,3,2024,2000.00,400.00,20.0,,reported,100.0\r
                NP-P1-D1-M2,3,2024,800.00,0.00,0.0,uncaptured_inflow,reported,100.0\r
                NP-P1-D1-M3,3,2024,0.00,0.00,,,not_applicable,100.0\r
                """);
        // every returnee count of the region is below 5: all of them withheld, marked, never 0
        List<String> coverage = Files.readAllLines(v1.resolve("reintegration_coverage.csv"));
        assertThat(coverage)
                .hasSize(12)
                .contains("NP-P1-D1-M2,3,2024,all,[c],[c],[c],\"returnees, returnees_served, coverage_pct\"");
        // the score rests on the suppressed coverage where there are returnees, and is withheld there; M3 has one
        // component
        // only (alignment): insufficient evidence, no score to withhold (issue 20)
        List<String> scorecard = Files.readAllLines(v1.resolve("coherence_scorecard.csv"));
        assertThat(scorecard)
                .contains("NP-P1-D1-M3,3,2024,,,low_alignment,\"sector_alignment: score 0.0000 (local top sector 25010,"
                        + " national top sector 31140)\",1,100.0,");
        assertThat(scorecard.stream()
                        .filter(l -> l.startsWith("NP-P1-D1-M2,"))
                        .findFirst()
                        .orElseThrow())
                .startsWith("NP-P1-D1-M2,3,2024,[c],2,")
                .contains("(counts suppressed: fewer than the threshold)")
                .endsWith(",score")
                .doesNotContain("of 1 returnees");
        assertThat(Files.readAllLines(v1.resolve("remittance_cost.csv")))
                .containsExactly(
                        "sender_country,receiving_country,provider_id,channel,quarter,avg_cost_pct,txn_count,is_above_3pct,is_above_5pct,wb_avg_cost_pct",
                        "QA,NP,WMT-001,cash_agent,2024-Q1,4.0000,1,true,false,",
                        "QA,NP,WMT-001,mto,2024-Q1,2.0000,2,false,false,");

        // the workbook: an About sheet first, then one sheet per view with numbers as numbers
        try (InputStream in = Files.newInputStream(v1.resolve("NP-P1_2024-Q1.xlsx"));
                Workbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetName(0)).isEqualTo("About");
            assertThat(wb.getNumberOfSheets()).isEqualTo(10); // About + 9 views (issue 18 added data_quality_flags)
            Sheet rim = wb.getSheet("remittance_investment_match");
            assertThat(rim.getRow(3).getCell(0).getStringCellValue()).isEqualTo("NP-P1-D1-M1");
            assertThat(rim.getRow(3).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(rim.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(2000.0);
            assertThat(rim.getRow(3).getCell(5).getNumericCellValue()).isEqualTo(20.0);
            Sheet rc = wb.getSheet("reintegration_coverage");
            assertThat(rc.getRow(1).getCell(4).getStringCellValue()).isEqualTo("[c]");
            Sheet about = wb.getSheet("About");
            assertThat(about.getRow(3).getCell(0).getStringCellValue() + ": "
                            + about.getRow(3).getCell(1).getStringCellValue())
                    .isEqualTo(
                            "approval: NP-P1 2024: unapproved (provisional: the figures are not yet signed off and may change)");
            List<String> explained = new ArrayList<>();
            about.forEach(row -> {
                if (row.getCell(1) != null
                        && row.getCell(2) != null
                        && !row.getCell(1).getStringCellValue().isEmpty()) {
                    explained.add(row.getCell(0).getStringCellValue() + "."
                            + row.getCell(1).getStringCellValue());
                }
            });
            assertThat(explained)
                    .contains(
                            "coherence_scorecard.score",
                            "reintegration_coverage.suppressed",
                            "remittance_cost.wb_avg_cost_pct");
        }
        // Parquet read back: the same values, the suppressed cells empty
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                var s = c.createStatement();
                ResultSet rs = s.executeQuery("select remittance_usd, capture_pct from read_parquet('"
                        + v1.resolve("remittance_investment_match.parquet") + "') where unit_code = 'NP-P1-D1-M2'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("800.00");
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("0");
        }
        assertThat(parquetCount(
                        v1.resolve("reintegration_coverage.parquet"), "returnees is null and suppressed is not null"))
                .isEqualTo(11);
        // delivered to the outbox under its release name, complete
        Path delivered = cli.home().resolve("outbox/koshi/NP-P1_2024-Q1_v1");
        assertThat(org.mizan.config.Checksums.sha256(delivered.resolve("manifest.json")))
                .isEqualTo(org.mizan.config.Checksums.sha256(v1.resolve("manifest.json")));
        assertThat(Files.exists(cli.home().resolve("extracts/koshi/2024-Q1/v1.delivered")))
                .isTrue();
    }

    @Test
    @Order(2)
    void everyViewHoldsOnlyTheRegionsUnits() throws Exception {
        for (String region : List.of("NP-P1", "NP-P2")) {
            assertThat(cli.run("run", "extract-region", "region=" + region, "period=2024")
                            .code())
                    .isZero();
            Set<String> inside = new HashSet<>();
            cli.query("select unit_code from dim_unit_ancestors where ancestor_code = '" + region + "'")
                    .forEach(row -> inside.add((String) row.get(0)));
            Path dir = cli.home().resolve("extracts/" + ("NP-P1".equals(region) ? "koshi" : region) + "/2024/v1");
            for (ExtractView v : ExtractView.all()) {
                List<String> units = columnValues(dir.resolve(v.name() + ".parquet"), "unit_code");
                assertThat(units).as(v.name()).allMatch(inside::contains);
            }
            // remittance_cost has no unit: its transactions are those received in the region
            assertThat(String.valueOf(parquetSum(dir.resolve("remittance_cost.parquet"), "txn_count")))
                    .isEqualTo(cli.value(
                            "select count(*) from remittance_transactions where receiving_unit_code in (select unit_code from dim_unit_ancestors"
                                    + " where ancestor_code = '" + region + "')"));
            assertThat(Files.readString(dir.resolve(
                            "NP-P1".equals(region) ? "coherence_scorecard.csv" : "coherence_scorecard.csv")))
                    .doesNotContain("NP-P1".equals(region) ? "NP-P2" : "NP-P1");
        }
        // not a region, an unknown region: usage errors (exit 2, issue 20), before any work
        MizanCli.Result notRegion = cli.run("run", "extract-region", "region=NP-P1-D1", "period=2024");
        assertThat(notRegion.code()).isEqualTo(2);
        assertThat(notRegion.err()).contains("is a unit of level 2, not a region (level 1)");
        MizanCli.Result badPeriod = cli.run("run", "extract-region", "region=NP-P1", "period=2024-Q5");
        assertThat(badPeriod.code()).isEqualTo(2);
        assertThat(badPeriod.err())
                .contains("period '2024-Q5' is not a year (2024), a quarter (2024-Q1) or a month (2024-03)");
        MizanCli.Result unknown = cli.run("run", "extract-region", "region=XX-P9", "period=2024");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("region 'XX-P9' is not in the gazetteer");
    }

    @Test
    @Order(3)
    void unchangedInputsGiveNoNewRelease() throws Exception {
        assertThat(cli.run("run", "extract-region", "region=NP-P1", "period=2024-Q1")
                        .code())
                .isZero();
        assertThat(Files.exists(cli.home().resolve("extracts/koshi/2024-Q1/v2")))
                .isFalse();
    }

    @Test
    @Order(4)
    void aRerunPartitionGivesVersionTwoWithAChangeNotice() throws Exception {
        Map<String, String> before = csvCells(v1);
        String v1Manifest = org.mizan.config.Checksums.sha256(v1.resolve("manifest.json"));
        // the steward corrects M1's diaspora commitment (E1: 400 -> 500 USD) and reruns that partition
        Files.writeString(
                ledger,
                Files.readString(ledger)
                        .replace(
                                "E1,2024-04-01,commitment,diaspora,Asha diaspora group,1x1,400,USD",
                                "E1,2024-04-01,commitment,diaspora,Asha diaspora group,1x1,500,USD"));
        MizanCli.Result rerun =
                cli.run("rerun", "--job", "ingest-ledgers", "--source", "NP-P1-D1-M1", "--period", "2024-04");
        assertThat(rerun.code()).as(rerun.out() + rerun.err()).isZero();
        assertThat(cli.run("run", "extract-region", "region=NP-P1", "period=2024-Q1")
                        .code())
                .isZero();
        Path v2 = cli.home().resolve("extracts/koshi/2024-Q1/v2");
        JsonNode m = JSON.readTree(v2.resolve("manifest.json").toFile());
        assertThat(m.get("release_version").asInt()).isEqualTo(2);
        assertThat(m.get("previous_version").asInt()).isEqualTo(1);
        // the change notice lists exactly the cells that differ between the two releases' CSV files
        Map<String, String> after = csvCells(v2);
        Set<String> expected = new java.util.TreeSet<>();
        for (String k : after.keySet()) {
            if (!after.get(k).equals(before.get(k))) {
                expected.add(k + "=" + before.get(k) + "->" + after.get(k));
            }
        }
        for (String k : before.keySet()) {
            if (!after.containsKey(k)) {
                expected.add(k + "=" + before.get(k) + "->(no row)");
            }
        }
        Set<String> notice = new java.util.TreeSet<>();
        List<String> lines = Files.readAllLines(v2.resolve("CHANGES.csv"));
        assertThat(lines.get(0)).isEqualTo("view,key,column,before,after");
        for (List<String> f :
                org.mizan.extract.CsvTestReader.parse(String.join("\n", lines.subList(1, lines.size())))) {
            notice.add(f.get(0) + "|" + f.get(1) + "|" + f.get(2) + "=" + f.get(3) + "->" + f.get(4));
        }
        // 26 cells: the scorecard's flags and reasons in M1, D1 and P1 (6; the scores there are withheld),
        // matching_leverage's
        // contribution, ratio, rule and note at three levels (12), remittance_investment_match's contribution and
        // capture
        // at three levels (6), sector_alignment's score in D1 and P1 (2: M1 has one sector)
        assertThat(notice).hasSize(26);
        assertThat(notice).isEqualTo(expected).isNotEmpty();
        assertThat(m.get("changed_cells").asInt()).isEqualTo(notice.size());
        assertThat(notice)
                .contains(
                        "remittance_investment_match|NP-P1-D1-M1|2024|diaspora_contribution_usd=400.00->500.00",
                        "remittance_investment_match|NP-P1-D1-M1|2024|capture_pct=20.0->25.0",
                        "remittance_investment_match|NP-P1|2024|capture_pct=14.29->17.86",
                        "matching_leverage|NP-P1-D1-M1|2024|1x1|migrant_contribution_usd=400.0000->500.0000");
        assertThat(notice).noneMatch(c -> c.contains("NP-P1-D1-M3|") || c.contains("NP-P1-D1-M2|"));
        // version 1 is untouched, and both versions are in the outbox
        assertThat(org.mizan.config.Checksums.sha256(v1.resolve("manifest.json")))
                .isEqualTo(v1Manifest);
        assertThat(Files.isDirectory(cli.home().resolve("outbox/koshi/NP-P1_2024-Q1_v1")))
                .isTrue();
        assertThat(Files.isRegularFile(cli.home().resolve("outbox/koshi/NP-P1_2024-Q1_v2/CHANGES.csv")))
                .isTrue();
    }

    /** view|key|column -> value over every CSV of a release (keys as the views declare them). */
    private static Map<String, String> csvCells(Path release) throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        for (ExtractView v : ExtractView.all()) {
            List<List<String>> rows =
                    CsvTestReader.parse(Files.readString(release.resolve(v.name() + ".csv"), StandardCharsets.UTF_8));
            List<String> header = rows.get(0);
            for (List<String> row : rows.subList(1, rows.size())) {
                String key = String.join(
                        "|",
                        v.key().stream().map(k -> row.get(header.indexOf(k))).toList());
                for (int i = 0; i < header.size(); i++) {
                    out.put(v.name() + "|" + key + "|" + header.get(i), row.get(i));
                }
            }
        }
        return out;
    }

    static long parquetRows(Path file) throws Exception {
        return parquetCount(file, "true");
    }

    static long parquetCount(Path file, String where) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                var s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from read_parquet('" + file + "') where " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long parquetSum(Path file, String column) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                var s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select coalesce(sum(" + column + "), 0) from read_parquet('" + file + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> columnValues(Path file, String column) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                var s = c.createStatement();
                ResultSet rs = s.executeQuery("select * from read_parquet('" + file + "')")) {
            int idx = -1;
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                if (rs.getMetaData().getColumnName(i).equals(column)) {
                    idx = i;
                }
            }
            while (rs.next()) {
                out.add(idx < 0 ? null : rs.getString(idx));
            }
            if (idx < 0) {
                out.clear();
            }
        }
        return out;
    }

    private static int xlsxRows(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file);
                Workbook wb = new XSSFWorkbook(in)) {
            int rows = 0;
            for (int i = 1; i < wb.getNumberOfSheets(); i++) {
                rows += wb.getSheetAt(i).getLastRowNum();
            }
            return rows;
        }
    }
}
