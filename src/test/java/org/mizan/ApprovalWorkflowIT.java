package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Approval on the golden world (fixtures/world; see GoldenWorldIT for its units and figures), workflow
 * local-reporting of config/approvals.yml: datasets remittances, registries and ledgers, by year, approved by
 * municipality, region and national. In 2024 every municipality holds data (remittances for Asha, Bhanu, Dipa,
 * Ekta; ledgers for all five). The steps run in order on one home, each asserting the exact state it leaves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApprovalWorkflowIT {

    private static final String HASH = "$2a$10$" + "a".repeat(53);
    private final MizanCli cli = MizanCli.goldenWorld("approvals");

    @BeforeAll
    void load() throws Exception {
        Files.writeString(cli.home().resolve("dashboard-users.yml"), """
                users:
                  - {name: asha, password: "%1$s", role: regional, region: NP-P1, approver: NP-P1-D1-M1}
                  - {name: bhanu, password: "%1$s", role: regional, region: NP-P1, approver: NP-P1-D1-M2}
                  - {name: koshi, password: "%1$s", role: regional, region: NP-P1, approver: NP-P1}
                  - {name: karnali, password: "%1$s", role: regional, region: NP-P2, approver: NP-P2}
                  - {name: planner, password: "%1$s", role: national, approver: NP}
                  - {name: viewer, password: "%1$s", role: national}
                """.formatted(HASH));
    }

    private MizanCli.Result ok(String... args) {
        MizanCli.Result r = cli.run(args);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return r;
    }

    private MizanCli.Result refused(String... args) {
        MizanCli.Result r = cli.run(args);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        return r;
    }

    private MizanCli.Result approve(String user, String unit) {
        return ok("approve", "--workflow", "local-reporting", "--unit", unit, "--period", "2024", "--user", user);
    }

    private String csv(String sql) {
        return ok("query", sql, "--format", "csv").out();
    }

    @Test
    @Order(1)
    void badInputIsRefusedAndChangesNothing() {
        // given nothing approved
        // when / then: each mistake is one plain line, exit 2
        assertThat(refused("approve", "--workflow", "nope", "--unit", "NP-P1", "--period", "2024", "--user", "koshi")
                        .err())
                .isEqualTo("mizan: unknown workflow 'nope': config/approvals.yml has [local-reporting]\n");
        assertThat(refused(
                                "approve",
                                "--workflow",
                                "local-reporting",
                                "--unit",
                                "NP-P9",
                                "--period",
                                "2024",
                                "--user",
                                "koshi")
                        .err())
                .startsWith("mizan: unknown unit 'NP-P9': the gazetteer has no such unit code");
        assertThat(refused(
                                "approve",
                                "--workflow",
                                "local-reporting",
                                "--unit",
                                "NP-P1",
                                "--period",
                                "2024-Q1",
                                "--user",
                                "koshi")
                        .err())
                .isEqualTo(
                        "mizan: period '2024-Q1' is not a year: workflow local-reporting approves by year (e.g. 2024)\n");
        assertThat(refused(
                                "approve",
                                "--workflow",
                                "local-reporting",
                                "--unit",
                                "NP-P1",
                                "--period",
                                "24",
                                "--user",
                                "koshi")
                        .err())
                .isEqualTo("mizan: period '24' is not a year: workflow local-reporting approves by year (e.g. 2024)\n");
        assertThat(refused(
                                "approve",
                                "--workflow",
                                "local-reporting",
                                "--unit",
                                "NP-P1-D1-M1",
                                "--period",
                                "2024",
                                "--user",
                                "viewer")
                        .err())
                .isEqualTo("mizan: user viewer has no approver role (dashboard-users.yml: approver: UNIT)\n");
        assertThat(refused(
                                "approve",
                                "--workflow",
                                "local-reporting",
                                "--unit",
                                "NP-P2-D1-M1",
                                "--period",
                                "2024",
                                "--user",
                                "koshi")
                        .err())
                .isEqualTo("mizan: user koshi approves for NP-P1, so may not approve or unapprove NP-P2-D1-M1\n");
        assertThat(refused(
                                "approve",
                                "--workflow",
                                "local-reporting",
                                "--unit",
                                "NP-P1-D1",
                                "--period",
                                "2024",
                                "--user",
                                "koshi")
                        .err())
                .isEqualTo(
                        "mizan: NP-P1-D1 is at level 2, which does not approve in workflow local-reporting (its levels: [3, 1, 0])\n");
        // then nothing changed
        assertThat(ok("approvals", "--unit", "NP", "--period", "2024").out()).contains("audit: no change yet");
        assertThat(csv("select count(*) as n from coherence_scorecard where approval_status <> 'unapproved'"))
                .isEqualTo("n\n0\n");
    }

    @Test
    @Order(2)
    void aRegionBeforeItsMunicipalitiesIsRefusedNamingThem() {
        MizanCli.Result r = refused(
                "approve", "--workflow", "local-reporting", "--unit", "NP-P1", "--period", "2024", "--user", "koshi");
        assertThat(r.err())
                .isEqualTo(
                        "mizan: NP-P1 cannot be approved for 2024 in local-reporting: NP-P1-D1-M1 (Asha Municipality) is"
                                + " unapproved; NP-P1-D1-M2 (Bhanu Municipality) is unapproved; NP-P1-D1-M3 (Chandra Municipality) is unapproved."
                                + " Approve them first.\n");
    }

    @Test
    @Order(3)
    void approvedViewsHoldOnlyApprovedUnitsWhenSomeAreApproved() {
        // given Asha and Bhanu approved, nothing else
        assertThat(approve("asha", "NP-P1-D1-M1").out())
                .isEqualTo("NP-P1-D1-M1 approved for 2024 in local-reporting (by asha); the warehouse now shows it\n");
        approve("bhanu", "NP-P1-D1-M2");
        // then the approved views hold exactly their rows: inflows Asha 1000 + 1000, Bhanu 800 (2024-03); scorecard
        // Asha 82.0, Bhanu 7.5 (GoldenWorldIT's scorecard rows); 2023 and every other unit stay provisional
        assertThat(
                        csv(
                                "select unit_code, period, amount_usd, txn_count, approval_status from remittance_inflows_approved order by unit_code"))
                .isEqualTo("""
                        unit_code,period,amount_usd,txn_count,approval_status
                        NP-P1-D1-M1,2024-03,2000.0000,2,approved
                        NP-P1-D1-M2,2024-03,800.0000,1,approved
                        """);
        assertThat(csv("select unit_code, period, score from coherence_scorecard_approved order by unit_code"))
                .isEqualTo("unit_code,period,score\nNP-P1-D1-M1,2024,82.0\nNP-P1-D1-M2,2024,7.5\n");
        assertThat(csv("select approval_status, count(*) as n from coherence_scorecard group by all order by all"))
                .isEqualTo("approval_status,n\napproved,2\nunapproved,18\n");
        // and the region's figures are provisional until it approves
        assertThat(
                        csv(
                                "select unit_code, approval_status from remittance_investment_match where period = '2024' and level <= 1 order by unit_code"))
                .isEqualTo("unit_code,approval_status\nNP,unapproved\nNP-P1,unapproved\nNP-P2,unapproved\n");
    }

    @Test
    @Order(4)
    void bottomUpApprovalReachesNational() {
        // given the East's last municipality, then the East
        approve("koshi", "NP-P1-D1-M3");
        approve("koshi", "NP-P1");
        // then a region's approval covers its district too: East and Hill District 44.8 (the mean of their children's
        // scores, GoldenWorldIT), and Chandra, with too few components to score (insufficient evidence), join
        assertThat(csv("select unit_code, score from coherence_scorecard_approved order by level, unit_code"))
                .isEqualTo("""
                unit_code,score
                NP-P1,44.8
                NP-P1-D1,44.8
                NP-P1-D1-M1,82.0
                NP-P1-D1-M2,7.5
                NP-P1-D1-M3,
                """);
        // when the nation tries before the West
        assertThat(refused(
                                "approve",
                                "--workflow",
                                "local-reporting",
                                "--unit",
                                "NP",
                                "--period",
                                "2024",
                                "--user",
                                "planner")
                        .err())
                .isEqualTo(
                        "mizan: NP cannot be approved for 2024 in local-reporting: NP-P2 (West Region) is unapproved. Approve it first.\n");
        approve("planner", "NP-P2-D1-M1");
        approve("planner", "NP-P2-D1-M2");
        approve("karnali", "NP-P2");
        approve("planner", "NP");
        // then every 2024 row is approved, 2023 none
        assertThat(
                        csv(
                                "select period, approval_status, count(*) as n from coherence_scorecard group by all order by all"))
                .isEqualTo("period,approval_status,n\n2023,unapproved,10\n2024,approved,10\n");
        assertThat(refused(
                                "approve",
                                "--workflow",
                                "local-reporting",
                                "--unit",
                                "NP",
                                "--period",
                                "2024",
                                "--user",
                                "planner")
                        .err())
                .startsWith("mizan: NP is already approved for 2024 in local-reporting (by planner at ");
    }

    @Test
    @Order(5)
    void unapproveUnderAnApprovedParentIsRefused() {
        assertThat(refused(
                                "unapprove",
                                "--workflow",
                                "local-reporting",
                                "--unit",
                                "NP-P1",
                                "--period",
                                "2024",
                                "--user",
                                "koshi")
                        .err())
                .isEqualTo(
                        "mizan: NP-P1 cannot be unapproved: NP above it approved 2024 (by planner). Unapprove NP first, or reopen the"
                                + " data with --reopen.\n");
        String tree = ok("approvals", "--unit", "NP-P1", "--period", "2024").out();
        assertThat(tree)
                .startsWith(
                        "workflow local-reporting, year 2024 (levels [3, 1, 0])\nNP-P1 (East Region, level 1): approved by koshi at ");
        assertThat(tree).contains("\n  NP-P1-D1-M3 (Chandra Municipality, level 3): approved by koshi at ");
    }

    @Test
    @Order(6)
    void aReloadOfAnApprovedPartitionIsRefusedThenReopened() {
        // when the March remittances are delivered again
        MizanCli.Result r = cli.run(
                "run", "ingest-remittances", "file=" + MizanCli.FIXTURES.resolve("world/remittances_2024-03.csv"));
        // then refused before any work, naming the approval and how to lift it
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err())
                .startsWith(
                        "mizan: ingest-remittances: remittances_2024-03.csv holds approved figures: NP-P1-D1-M1 2024 is"
                                + " approved in workflow local-reporting (by asha at ");
        assertThat(r.err())
                .contains(
                        " and 3 more, so nothing was loaded. To load it anyway, add --reopen \"why\" (unapproves NP-P1-D1-M1"
                                + " and every level above it for 2024, and records why), or unapprove first: mizan unapprove --workflow local-reporting"
                                + " --unit NP-P1-D1-M1 --period 2024\n");
        // nine inflow rows approved: four municipalities, two districts, two regions, the country (Chandra received
        // nothing)
        assertThat(cli.value("select count(*) from remittance_inflows_approved"))
                .isEqualTo("9");

        // when reopened with a reason
        MizanCli.Result reopened = ok(
                "run",
                "ingest-remittances",
                "file=" + MizanCli.FIXTURES.resolve("world/remittances_2024-03.csv"),
                "--reopen",
                "provider corrected March",
                "--user",
                "planner");
        // then the four municipalities with rows in the file, and everything above them, are unapproved
        assertThat(reopened.out()).contains("""
                reopened (unapproved): local-reporting NP-P1-D1-M1 2024 — "provider corrected March"
                reopened (unapproved): local-reporting NP-P1 2024 — "provider corrected March"
                reopened (unapproved): local-reporting NP 2024 — "provider corrected March"
                reopened (unapproved): local-reporting NP-P1-D1-M2 2024 — "provider corrected March"
                reopened (unapproved): local-reporting NP-P2-D1-M1 2024 — "provider corrected March"
                reopened (unapproved): local-reporting NP-P2 2024 — "provider corrected March"
                reopened (unapproved): local-reporting NP-P2-D1-M2 2024 — "provider corrected March"
                """);
        // and Chandra, which has no row in the file, stays approved (it alone is in the approved views)
        assertThat(csv("select unit_code, score, approval_status from coherence_scorecard_approved"))
                .isEqualTo("unit_code,score,approval_status\nNP-P1-D1-M3,,approved\n");
        // and the audit trail keeps every step with its reason, never rewritten
        String audit =
                ok("approvals", "--unit", "NP-P1-D1-M1", "--period", "2024").out();
        assertThat(audit).containsPattern("#1 approve NP-P1-D1-M1: unapproved -> approved by asha at [^\\n]*\\n");
        // (#1-#3 the East's municipalities, #4 the East, #5-#7 the West's, #8 Nepal; the reopen then walks each chain)
        assertThat(audit).containsPattern("#8 approve NP: unapproved -> approved by planner at [^\\n]*\\n");
        assertThat(audit)
                .containsPattern(
                        "#9 reopen NP-P1-D1-M1: approved -> unapproved by planner at [^\\n]* \"provider corrected March\"\\n");
        assertThat(audit)
                .containsPattern(
                        "#10 reopen NP-P1: approved -> unapproved by planner at [^\\n]* \"provider corrected March\"\\n");
        assertThat(audit)
                .containsPattern(
                        "#11 reopen NP: approved -> unapproved by planner at [^\\n]* \"provider corrected March\"\\n");
        assertThat(audit).contains("NP-P1-D1-M1 (Asha Municipality, level 3): ready\n");
    }

    @Test
    @Order(7)
    void aPartitionRerunOfAnApprovedPeriodIsRefusedThenReopenedUpTheChain() {
        // given the East approved again (Chandra stayed approved)
        approve("asha", "NP-P1-D1-M1");
        approve("bhanu", "NP-P1-D1-M2");
        approve("koshi", "NP-P1");
        // when the partition of March is rerun
        MizanCli.Result r =
                refused("rerun", "--job", "ingest-remittances", "--source", "WMT-001", "--period", "2024-03");
        // then refused before any work, naming the nearest approval and how to lift it
        assertThat(r.err())
                .startsWith(
                        "mizan: ingest-remittances: period 2024-03 of source WMT-001 holds approved figures: NP-P1-D1-M1"
                                + " 2024 is approved in workflow local-reporting (by asha at ");
        assertThat(r.err()).contains(" and 1 more, so nothing was loaded. To load it anyway, add --reopen \"why\"");
        assertThat(csv("select unit_code, approval_status from coherence_scorecard_approved where level = 1"))
                .isEqualTo("unit_code,approval_status\nNP-P1,approved\n");

        // when rerun with --reopen
        MizanCli.Result reopened = ok(
                "rerun",
                "--job",
                "ingest-remittances",
                "--source",
                "WMT-001",
                "--period",
                "2024-03",
                "--reopen",
                "rerun: provider resent March",
                "--user",
                "planner");
        // then Asha and the East above it, and Bhanu, are unapproved with the reason; Chandra (no row in March) stays
        assertThat(reopened.out()).contains("""
                reopened (unapproved): local-reporting NP-P1-D1-M1 2024 — "rerun: provider resent March"
                reopened (unapproved): local-reporting NP-P1 2024 — "rerun: provider resent March"
                reopened (unapproved): local-reporting NP-P1-D1-M2 2024 — "rerun: provider resent March"
                """);
        assertThat(csv("select unit_code from coherence_scorecard_approved")).isEqualTo("unit_code\nNP-P1-D1-M3\n");
        String audit =
                ok("approvals", "--unit", "NP-P1-D1-M1", "--period", "2024").out();
        assertThat(audit)
                .containsPattern(
                        "#\\d+ reopen NP-P1-D1-M1: approved -> unapproved by planner at [^\\n]* \"rerun: provider resent March\"\\n");
        assertThat(audit)
                .containsPattern(
                        "#\\d+ reopen NP-P1: approved -> unapproved by planner at [^\\n]* \"rerun: provider resent March\"\\n");
    }

    @Test
    @Order(8)
    void aBackfillOfAnApprovedPeriodIsRefusedThenReopenedUpTheChain() {
        // given the East approved again
        approve("asha", "NP-P1-D1-M1");
        approve("bhanu", "NP-P1-D1-M2");
        approve("koshi", "NP-P1");
        // when March is backfilled
        MizanCli.Result r = refused(
                "backfill",
                "--job",
                "ingest-remittances",
                "--source",
                "WMT-001",
                "--from",
                "2024-03",
                "--to",
                "2024-03");
        assertThat(r.err())
                .startsWith(
                        "mizan: ingest-remittances: period 2024-03 of source WMT-001 holds approved figures: NP-P1-D1-M1"
                                + " 2024 is approved in workflow local-reporting (by asha at ");
        assertThat(csv("select unit_code from coherence_scorecard_approved order by unit_code"))
                .isEqualTo("unit_code\nNP-P1\nNP-P1-D1\nNP-P1-D1-M1\nNP-P1-D1-M2\nNP-P1-D1-M3\n");

        // when backfilled with --reopen
        MizanCli.Result reopened = ok(
                "backfill",
                "--job",
                "ingest-remittances",
                "--source",
                "WMT-001",
                "--from",
                "2024-03",
                "--to",
                "2024-03",
                "--reopen",
                "backfill: provider resent March",
                "--user",
                "planner");
        // then the same chain is lifted, with its reason in the audit trail
        assertThat(reopened.out()).contains("""
                reopened (unapproved): local-reporting NP-P1-D1-M1 2024 — "backfill: provider resent March"
                reopened (unapproved): local-reporting NP-P1 2024 — "backfill: provider resent March"
                reopened (unapproved): local-reporting NP-P1-D1-M2 2024 — "backfill: provider resent March"
                """);
        assertThat(reopened.out()).contains("backfill complete: 1 partition load(s) run now, 0 done before");
        assertThat(csv("select unit_code from coherence_scorecard_approved")).isEqualTo("unit_code\nNP-P1-D1-M3\n");
        String audit =
                ok("approvals", "--unit", "NP-P1-D1-M1", "--period", "2024").out();
        assertThat(audit)
                .containsPattern(
                        "#\\d+ reopen NP-P1-D1-M1: approved -> unapproved by planner at [^\\n]* \"backfill: provider resent March\"\\n");
        assertThat(audit)
                .containsPattern(
                        "#\\d+ reopen NP-P1: approved -> unapproved by planner at [^\\n]* \"backfill: provider resent March\"\\n");
    }

    @Test
    @Order(9)
    void aFileNeverDeliveredBeforeWithRowsOfAnApprovedUnitIsRefusedAtItsStagedRowsThenReopened() throws Exception {
        // given a new provider's first file, with one May transaction into Chandra (approved for 2024, by koshi)
        java.nio.file.Path file = cli.home().resolve("newprovider_2024-05.csv");
        Files.writeString(
                file,
                "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel\n"
                        + "N-1,NEW-001,2024-05-10T10:00:00Z,QA,NP-P1-D1-M3,300.00,USD,6.00,,mto\n");
        // when it is run: the published warehouse knows neither the file nor the partition, so its staged rows are
        // checked
        MizanCli.Result r = refused("run", "ingest-remittances", "file=" + file);
        // then refused before the lake commit, naming the approval and --reopen; nothing loaded
        assertThat(r.err())
                .startsWith(
                        "mizan: ingest-remittances: newprovider_2024-05.csv holds approved figures: NP-P1-D1-M3 2024 is"
                                + " approved in workflow local-reporting (by koshi at ");
        assertThat(r.err())
                .endsWith(
                        ", so nothing was loaded. To load it anyway, add --reopen \"why\" (unapproves NP-P1-D1-M3 and every"
                                + " level above it for 2024, and records why), or unapprove first: mizan unapprove --workflow local-reporting --unit"
                                + " NP-P1-D1-M3 --period 2024\n");
        assertThat(cli.value("select count(*) from remittance_transactions where provider_id = 'NEW-001'"))
                .isEqualTo("0");
        assertThat(csv("select unit_code from coherence_scorecard_approved")).isEqualTo("unit_code\nNP-P1-D1-M3\n");

        // when run with --reopen
        MizanCli.Result reopened = ok(
                "run", "ingest-remittances", "file=" + file, "--reopen", "new provider NEW-001", "--user", "planner");
        // then Chandra is unapproved with the reason, and the row is loaded
        assertThat(reopened.out())
                .contains("reopened (unapproved): local-reporting NP-P1-D1-M3 2024 — \"new provider NEW-001\"\n");
        assertThat(cli.value("select count(*) from remittance_transactions where provider_id = 'NEW-001'"))
                .isEqualTo("1");
        assertThat(csv("select count(*) as n from coherence_scorecard_approved"))
                .isEqualTo("n\n0\n");
        assertThat(ok("approvals", "--unit", "NP-P1-D1-M3", "--period", "2024").out())
                .containsPattern(
                        "#\\d+ reopen NP-P1-D1-M3: approved -> unapproved by planner at [^\\n]* \"new provider NEW-001\"\\n");
    }
}
