package org.mizan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.MizanCli;
import org.mizan.warehouse.Contracts;

/**
 * A country six levels deep (country, region, province, city/municipality, sub-municipality, barangay) whose
 * gazetteer mapping names its levels and makes the barangay the local level, with every fact recorded at a barangay:
 * the level names in the warehouse, the coherence views rolled up level by level, the scorecard of parents and
 * children below level 4, a regional extract and a level-5 unit's dashboard page. Amounts are in US dollars (no rate
 * between the files and the numbers); every value below is worked out on paper in the comments.
 *
 * <pre>
 * PH / Region One PH-R1 / Province PH-R1-P1 /
 *   city C1 / sub-municipality S1: barangays B1, B2; sub-municipality S2: B3, B6
 *   city C2 (no sub-municipality): B4 (a barangay straight under its city, level 5 under level 3)
 * PH / Region Two PH-R2 / PH-R2-P1 / PH-R2-P1-C1 / PH-R2-P1-C1-S1 / B5
 * remittances 2024-03 (USD, fee): B1 1000 QA fee 20 (2 %), B2 500 AE fee 25 (5 %), B3 800 QA 16, B4 400 QA 8,
 *   B5 600 QA 12, B6 200 QA 4 (each 2 % but B2's)
 * ledger 2024, diaspora commitments to local projects: B1 44, B2 13, B3 36, B4 14, B5 27; B6 has no ledger entry
 * central bank 2024-03: PH-R1 2800, PH-R1-P1-C1-S2 1000
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SixLevelWorldIT {

    private static final String R1 = "PH-R1";
    private static final String C1 = "PH-R1-P1-C1";
    private static final String S1 = C1 + "-S1";
    private static final String S2 = C1 + "-S2";

    private final MizanCli cli = MizanCli.inTempHome("six-levels");
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private DashboardServer server;

    @BeforeAll
    void load() throws Exception {
        Path dir = MizanCli.tempDir("six-levels-inbox");
        Path mapping = Files.writeString(dir.resolve("six-levels.yml"), """
                dataset: admin_units
                source_id: ph-six
                levels: [country, region, province, city/municipality, sub-municipality, barangay]
                local_level: barangay
                columns:
                  unit_code: [unit_code]
                  name: [name]
                  level: [level]
                  parent_code: [parent_code]
                  country: [country]
                  valid_from: [valid_from]
                  valid_to: [valid_to]
                required: [unit_code, name, level, country, valid_from]
                """);
        StringBuilder units = new StringBuilder("unit_code,name,level,parent_code,country,valid_from,valid_to\n");
        String[][] rows = {
            {"PH", "Philippines", "0", ""},
            {R1, "Region One", "1", "PH"},
            {"PH-R1-P1", "Province One", "2", R1},
            {C1, "City One", "3", "PH-R1-P1"},
            {S1, "Sub One", "4", C1},
            {S2, "Sub Two", "4", C1},
            {S1 + "-B1", "Barangay One", "5", S1},
            {S1 + "-B2", "Barangay Two", "5", S1},
            {S2 + "-B3", "Barangay Three", "5", S2},
            {S2 + "-B6", "Barangay Six", "5", S2},
            {"PH-R1-P1-C2", "City Two", "3", "PH-R1-P1"},
            {"PH-R1-P1-C2-B4", "Barangay Four", "5", "PH-R1-P1-C2"},
            {"PH-R2", "Region Two", "1", "PH"},
            {"PH-R2-P1", "Province Two", "2", "PH-R2"},
            {"PH-R2-P1-C1", "City Three", "3", "PH-R2-P1"},
            {"PH-R2-P1-C1-S1", "Sub Three", "4", "PH-R2-P1-C1"},
            {"PH-R2-P1-C1-S1-B5", "Barangay Five", "5", "PH-R2-P1-C1-S1"}
        };
        for (String[] u : rows) {
            units.append(u[0])
                    .append(',')
                    .append(u[1])
                    .append(',')
                    .append(u[2])
                    .append(',')
                    .append(u[3])
                    .append(",PH,2017-01-01,\n");
        }
        Path gazetteer = Files.writeString(dir.resolve("ph_units.csv"), units);
        Path remittances = Files.writeString(dir.resolve("ph_remittances_2024-03.csv"), """
                txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel
                X-1,XMT-001,2024-03-05T10:00:00Z,QA,PH-R1-P1-C1-S1-B1,1000.00,USD,20.00,,mto
                X-2,XMT-001,2024-03-06T10:00:00Z,AE,PH-R1-P1-C1-S1-B2,500.00,USD,25.00,,cash_agent
                X-3,XMT-001,2024-03-07T10:00:00Z,QA,PH-R1-P1-C1-S2-B3,800.00,USD,16.00,,mto
                X-4,XMT-001,2024-03-08T10:00:00Z,QA,PH-R1-P1-C2-B4,400.00,USD,8.00,,mto
                X-5,XMT-001,2024-03-09T10:00:00Z,QA,PH-R2-P1-C1-S1-B5,600.00,USD,12.00,,mto
                X-6,XMT-001,2024-03-10T10:00:00Z,QA,PH-R1-P1-C1-S2-B6,200.00,USD,4.00,,mto
                """);
        Path corridors = Files.writeString(dir.resolve("ph_corridors_2024-03.csv"), """
                period,sender_country,receiving_unit_code,amount_usd,txn_count,reporter
                2024-03,QA,PH-R1,2800.00,5,BSP
                2024-03,QA,PH-R1-P1-C1-S2,1000.00,2,BSP
                """);
        Path ledger = Files.writeString(dir.resolve("ph_ledger_2024.csv"), """
                project_id,title,unit_code,sector_code,initiative_level,entry_id,entry_date,entry_type,funder_type,funder_name,scheme,amount,currency
                Q-1,Water point,PH-R1-P1-C1-S1-B1,14030,local,E1,2024-04-01,commitment,diaspora,One diaspora,none,44,USD
                Q-2,Day care,PH-R1-P1-C1-S1-B2,11120,local,E1,2024-04-01,commitment,diaspora,Two diaspora,none,13,USD
                Q-3,Health post,PH-R1-P1-C1-S2-B3,12220,local,E1,2024-04-01,commitment,diaspora,Three diaspora,none,36,USD
                Q-4,Farm road,PH-R1-P1-C2-B4,31140,local,E1,2024-04-01,commitment,diaspora,Four diaspora,none,14,USD
                Q-5,Market,PH-R2-P1-C1-S1-B5,31140,local,E1,2024-04-01,commitment,diaspora,Five diaspora,none,27,USD
                """);
        run("run", "load-gazetteer", "file=" + gazetteer, "mapping=" + mapping);
        run("run", "ingest-remittances", "file=" + remittances);
        run("run", "ingest-remittances", "file=" + corridors);
        run("run", "ingest-ledgers", "file=" + ledger);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (server != null) {
            server.stop();
        }
    }

    private void run(String... args) {
        MizanCli.Result r = cli.run(args);
        assertThat(r.code())
                .as(String.join(" ", args) + "\n" + r.out() + r.err())
                .isZero();
    }

    private String csv(String sql) {
        MizanCli.Result r = cli.run("query", sql, "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void theLevelNamesAndTheLocalLevelAreInTheWarehouse() throws Exception {
        assertThat(csv("select * from admin_levels order by country, level")).isEqualTo("""
                country,level,level_name,is_declared,is_local_level,units
                PH,0,country,true,false,1
                PH,1,region,true,false,2
                PH,2,province,true,false,2
                PH,3,city/municipality,true,false,3
                PH,4,sub-municipality,true,false,3
                PH,5,barangay,true,true,6
                """);
        assertThat(Contracts.check(cli.home().resolve("warehouse/mizan.duckdb").toRealPath()))
                .isEmpty();
    }

    @Test
    void remittancesAgainstDiasporaInvestmentRollUpLevelByLevel() {
        // Every barangay is a local unit; providers reported for PH in 2024, ledgers for every barangay but B6.
        // capture = 100 × diaspora / remittances: B1 44/1000 = 4.4, B2 13/500 = 2.6, B3 36/800 = 4.5, B4 14/400 = 3.5,
        // B5 27/600 = 4.5; B6: its ledger did not report, so not reported (null), not zero.
        // S1 57/1500 = 3.8; S2 36/1000 = 3.6 (coverage: B3 of B3, B6 = 50); C1 93/2500 = 3.72 (3 of 4 = 75);
        // C2 14/400 = 3.5 (B4, a level below its missing sub-municipality level); P1 and R1 107/2900 = 3.69 (4 of 5);
        // R2 and below 27/600 = 4.5; PH 134/3500 = 3.83 (5 of 6 = 83.3).
        assertThat(
                        csv(
                                "select * exclude (approval_status, excluded_records, excluded_usd) from remittance_investment_match order by level, unit_code"))
                .isEqualTo("""
                unit_code,level,period,remittance_usd,diaspora_contribution_usd,capture_pct,flag,status,coverage_pct
                PH,0,2024,3500.00,134.00,3.83,,reported,83.3
                PH-R1,1,2024,2900.00,107.00,3.69,,reported,80.0
                PH-R2,1,2024,600.00,27.00,4.5,,reported,100.0
                PH-R1-P1,2,2024,2900.00,107.00,3.69,,reported,80.0
                PH-R2-P1,2,2024,600.00,27.00,4.5,,reported,100.0
                PH-R1-P1-C1,3,2024,2500.00,93.00,3.72,,reported,75.0
                PH-R1-P1-C2,3,2024,400.00,14.00,3.5,,reported,100.0
                PH-R2-P1-C1,3,2024,600.00,27.00,4.5,,reported,100.0
                PH-R1-P1-C1-S1,4,2024,1500.00,57.00,3.8,,reported,100.0
                PH-R1-P1-C1-S2,4,2024,1000.00,36.00,3.6,,reported,50.0
                PH-R2-P1-C1-S1,4,2024,600.00,27.00,4.5,,reported,100.0
                PH-R1-P1-C1-S1-B1,5,2024,1000.00,44.00,4.4,,reported,100.0
                PH-R1-P1-C1-S1-B2,5,2024,500.00,13.00,2.6,,reported,100.0
                PH-R1-P1-C1-S2-B3,5,2024,800.00,36.00,4.5,,reported,100.0
                PH-R1-P1-C1-S2-B6,5,2024,200.00,,,,not_reported,0.0
                PH-R1-P1-C2-B4,5,2024,400.00,14.00,3.5,,reported,100.0
                PH-R2-P1-C1-S1-B5,5,2024,600.00,27.00,4.5,,reported,100.0
                """);
        // the central bank's figures against the barangays' transactions below them: R1 2800 against
        // 1000 + 500 + 800 + 400 + 200 = 2900 (-3.57 %, within 5 %); S2 1000 against 800 + 200
        assertThat(csv("select unit_code, level, reported_value, sum_of_children, discrepancy_pct, is_flagged"
                        + " from level_reconciliation order by level, unit_code"))
                .isEqualTo("""
                unit_code,level,reported_value,sum_of_children,discrepancy_pct,is_flagged
                PH-R1,1,2800.00,2900.00,-3.57,false
                PH-R1-P1-C1-S2,4,1000.00,1000.00,0.00,false
                """);
    }

    @Test
    void theScorecardOfParentsAndChildrenBelowLevelFour() {
        // Own components here: capture = least(capture_pct / 10, 1), cost = the share of the unit's transactions
        // through
        // a corridor whose mean cost is at most 3 % (AE into B2 costs 5 %), reconciliation = 1 where the bank
        // reported within the tolerance. B1 (0.44 + 1) / 2 = 72.0; B2 (0.26 + 0) / 2 = 13.0; B3 (0.45 + 1) / 2 = 72.5;
        // B4 (0.35 + 1) / 2 = 67.5; B5 72.5; B6 has only cost (its ledger did not report): insufficient evidence.
        // coverage_pct here counts any source: the providers reported for every barangay, so 100 everywhere.
        // Scores bottom up, the mean of the scored units whose parent it is: S1 (72.0 + 13.0) / 2 = 42.5;
        // S2 72.5 (B6 has none); C1 (42.5 + 72.5) / 2 = 57.5; C2 67.5 (its barangay B4, two levels down);
        // P1 and R1 (57.5 + 67.5) / 2 = 62.5; R2's line 72.5; PH (62.5 + 72.5) / 2 = 67.5.
        // Own scores of the parents (their own rolled-up evidence, shown beside the score): S1 (0.38 + 1/2) / 2 = 44.0;
        // S2 with reconciliation (0.36 + 1 + 1) / 3 = 78.7; C1 (0.372 + 3/4) / 2 = 56.1; P1 (0.369 + 4/5) / 2 = 58.45,
        // rounded to 58.5;
        // R1 with reconciliation (0.369 + 4/5 + 1) / 3 = 72.3; PH (0.383 + 5/6) / 2 = 60.8.
        assertThat(csv("select unit_code, level, score, rank_in_parent, components, coverage_pct, own_score, basis"
                        + " from coherence_scorecard order by level, unit_code"))
                .isEqualTo("""
                unit_code,level,score,rank_in_parent,components,coverage_pct,own_score,basis
                PH,0,67.5,1,2,100.0,60.8,"mean of the units below: PH-R1 62.5, PH-R2 72.5"
                PH-R1,1,62.5,2,3,100.0,72.3,mean of the units below: PH-R1-P1 62.5
                PH-R2,1,72.5,1,2,100.0,72.5,mean of the units below: PH-R2-P1 72.5
                PH-R1-P1,2,62.5,1,2,100.0,58.5,"mean of the units below: PH-R1-P1-C1 57.5, PH-R1-P1-C2 67.5"
                PH-R2-P1,2,72.5,1,2,100.0,72.5,mean of the units below: PH-R2-P1-C1 72.5
                PH-R1-P1-C1,3,57.5,2,2,100.0,56.1,"mean of the units below: PH-R1-P1-C1-S1 42.5, PH-R1-P1-C1-S2 72.5"
                PH-R1-P1-C2,3,67.5,1,2,100.0,67.5,mean of the units below: PH-R1-P1-C2-B4 67.5
                PH-R2-P1-C1,3,72.5,1,2,100.0,72.5,mean of the units below: PH-R2-P1-C1-S1 72.5
                PH-R1-P1-C1-S1,4,42.5,2,2,100.0,44.0,"mean of the units below: PH-R1-P1-C1-S1-B1 72.0, PH-R1-P1-C1-S1-B2 13.0"
                PH-R1-P1-C1-S2,4,72.5,1,3,100.0,78.7,mean of the units below: PH-R1-P1-C1-S2-B3 72.5
                PH-R2-P1-C1-S1,4,72.5,1,2,100.0,72.5,mean of the units below: PH-R2-P1-C1-S1-B5 72.5
                PH-R1-P1-C1-S1-B1,5,72.0,1,2,100.0,72.0,own components (2)
                PH-R1-P1-C1-S1-B2,5,13.0,2,2,100.0,13.0,own components (2)
                PH-R1-P1-C1-S2-B3,5,72.5,1,2,100.0,72.5,own components (2)
                PH-R1-P1-C1-S2-B6,5,,,1,100.0,,"insufficient evidence: 1 component, at least 2 needed"
                PH-R1-P1-C2-B4,5,67.5,1,2,100.0,67.5,own components (2)
                PH-R2-P1-C1-S1-B5,5,72.5,1,2,100.0,72.5,own components (2)
                """);
    }

    @Test
    void aRegionalExtractHoldsEveryLevelOfItsRegion() throws Exception {
        Files.writeString(cli.home().resolve("extracts.yml"), """
                recipients:
                  - id: region-one
                    region: PH-R1
                    formats: [csv]
                    delivery:
                      outbox: outbox/region-one
                """);
        MizanCli.Result r = cli.run("run", "extract-region", "region=PH-R1", "period=2024-Q1");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        Path v1 = cli.home().resolve("extracts/region-one/2024-Q1/v1");
        // the region's 11 units with a scorecard row, levels 1 to 5, none of Region Two's
        String scorecard = Files.readString(v1.resolve("coherence_scorecard.csv"), StandardCharsets.UTF_8);
        assertThat(scorecard
                        .lines()
                        .skip(1)
                        .map(l -> l.split(",")[0] + " " + l.split(",")[1] + " " + l.split(",")[3])
                        .toList())
                .containsExactly(
                        "PH-R1 1 62.5",
                        "PH-R1-P1 2 62.5",
                        "PH-R1-P1-C1 3 57.5",
                        "PH-R1-P1-C2 3 67.5",
                        "PH-R1-P1-C1-S1 4 42.5",
                        "PH-R1-P1-C1-S2 4 72.5",
                        "PH-R1-P1-C1-S1-B1 5 72.0",
                        "PH-R1-P1-C1-S1-B2 5 13.0",
                        "PH-R1-P1-C1-S2-B3 5 72.5",
                        "PH-R1-P1-C1-S2-B6 5 ",
                        "PH-R1-P1-C2-B4 5 67.5");
    }

    @Test
    void aLevelFiveUnitsDashboardPage() throws Exception {
        server = DashboardServer.start(cli);
        HttpResponse<String> page = get("/unit/" + S1 + "-B2?period=2024");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        // its place six levels down, named by its country's level names
        assertThat(body).contains("<p class=\"unit\">PH-R1-P1-C1-S1-B2 · level 5, barangay</p>");
        assertThat(body).contains(">Sub One</a>").contains(">City One</a>").contains(">Region One</a>");
        // its own figures: score 13.0, second of the two barangays of S1; 500.00 received in one transaction; 2.6 %
        // captured by 13.00 of diaspora contributions
        assertThat(body)
                .contains(headline("scorecard", "score", "13.0"))
                .contains(headline("scorecard", "rank_in_parent", "2"))
                .contains(headline("inflows", "amount_usd", "<span class=\"n\" title=\"500.0000\">500.00</span>"))
                .contains(headline("inflows", "txn_count", "1"))
                .contains(headline("remittance-investment-match", "capture_pct", "2.6"))
                .contains(headline("remittance-investment-match", "remittance_usd", "500.00"))
                .contains(headline("remittance-investment-match", "diaspora_contribution_usd", "13.00"));
    }

    private static String headline(String panel, String field, String valueHtml) {
        return "<div class=\"headline\" data-panel=\"" + panel + "\" data-field=\"" + field
                + "\" data-unit=\"PH-R1-P1-C1-S1-B2\"><span class=\"value\">" + valueHtml + "</span>";
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Accept", "text/html")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("planner:" + DashboardServer.PLANNER_PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8)));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
