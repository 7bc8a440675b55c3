package org.mizan.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.mizan.MizanCli;

/**
 * The checks of config/quality.yml on two fixture ledgers (fixtures/quality): an IATI activity with one commitment
 * a thousand times the others, two negative expenditures, a transaction dated 2031 and one dated 1010 (and a
 * negative incoming fund, which is allowed), a commitment to a country the gazetteer lacks and one in a currency
 * without a rate; a local ledger whose diaspora commitment of 1,000,000 USD dwarfs four of about 1,000. Then a
 * steward's review, which must survive rebuilds and reloads, and an exclusion, which must change the coherence
 * views by exactly its amount.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QualityFlagsIT {

    private final MizanCli cli = MizanCli.inTempHome("quality");
    private MizanCli.Result iatiLoad;
    private MizanCli.Result ledgerLoad;

    @BeforeAll
    void load() {
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        iatiLoad = cli.load("ingest-ledgers", "quality/iati_outliers.xml");
        ledgerLoad = cli.load("ingest-ledgers", "quality/ledger_outlier_2023.csv");
    }

    @Test
    @Order(1)
    void theFixtureLedgersGiveExactlyTheseFlags() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        // share: 1,000,000 of 1000 + 1200 + 900 + 1100 + 1,000,000 + 500 (the XOF commitment has no USD value)
        // = 1,004,700 is 99.5322 %; the ledger's 1,000,000 of 1,005,700 is 99.4332 %
        assertThat(
                        cli.query(
                                "select flag_id, check_name, method, dataset, unit_code, period, record, source_file, source_line, measure,"
                                        + " value, expected_range, score, reason, review, is_excluded from data_quality_flags order by check_name, record"))
                .map(Object::toString)
                .containsExactly(
                        "[139fad34a899, funding_dates, date_range, project_funding, NP-P1-DHA-M01, 2031-05, NP-QA-01/T8, iati_outliers.xml, 21,"
                                + " amount, 300.0000, 1990-01-01 .. " + today
                                + ", null, dated 2031-05-01, after the day of this build ("
                                + today + "): no delivery can hold it yet, open, false]",
                        "[a492f700f3df, funding_dates, date_range, project_funding, NP-P1-DHA-M01, 1010-01, NP-QA-01/T9, iati_outliers.xml, 22,"
                                + " amount, 200.0000, 1990-01-01 .. " + today
                                + ", null, dated 1010-01-01, before 1990, the earliest year this"
                                + " dataset can hold, open, false]",
                        "[422243c44329, funding_share_of_file, share_of_total, project_funding, NP-P1-DHA-M01, 2023-07, DHK-Q-05/E1,"
                                + " ledger_outlier_2023.csv, 6, amount_usd, 1000000.0000, <= 90 % of 1005700.00, 99.4332, 99.43 % of its"
                                + " file's total (1000000.00 of 1005700.00 over 6 records), above 90 %, open, false]",
                        "[6089defb9b5c, funding_share_of_file, share_of_total, project_funding, NP-P1-DHA-M01, 2023-07, NP-QA-01/T5,"
                                + " iati_outliers.xml, 18, amount_usd, 1000000.0000, <= 90 % of 1004700.00, 99.5322, 99.53 % of its file's"
                                + " total (1000000.00 of 1004700.00 over 6 records), above 90 %, open, false]",
                        "[551fa9732d16, negative_funding, negative_amount, project_funding, NP-P1-DHA-M01, 2023-08, NP-QA-01/T6,"
                                + " iati_outliers.xml, 19, amount, -250.0000, >= 0, null, negative expenditure (-250.00 USD) where"
                                + " expenditures cannot be negative, open, false]",
                        "[e90c30567119, negative_funding, negative_amount, project_funding, NP-P1-DHA-M01, 2023-09, NP-QA-01/T7,"
                                + " iati_outliers.xml, 20, amount, -75.5000, >= 0, null, negative expenditure (-75.50 USD) where"
                                + " expenditures cannot be negative, open, false]");
        // the rows stay loaded
        assertThat(cli.value("select count(*) from project_funding where project_id = 'NP-QA-01'"))
                .isEqualTo("11");
    }

    @Test
    @Order(2)
    void theRunSummaryCountsNewFlagsByCheckAndWhatCannotRollUp() {
        assertThat(iatiLoad.out())
                .contains(
                        "  data quality: new flags funding_dates 2, funding_share_of_file 1, negative_funding 2; open funding_dates 2,"
                                + " funding_share_of_file 1, negative_funding 2 (mizan flags)\n"
                                + "  left out of roll-ups: project_funding, no FX rate: 1 row(s), 250000.0000 XOF\n"
                                + "  left out of roll-ups: project_funding, no gazetteer unit to roll up to: 1 row(s), 500.0000 USD\n");
        // the second load adds only the ledger's own flag
        assertThat(ledgerLoad.out())
                .contains("  data quality: new flags funding_share_of_file 1; open funding_dates 2,"
                        + " funding_share_of_file 2, negative_funding 2 (mizan flags)\n");
        MizanCli.Result status = cli.run("status");
        assertThat(status.out())
                .contains(
                        "left out of roll-ups: project_funding, no gazetteer unit to roll up to: 1 row(s), 500.0000 USD\n");
    }

    @Test
    @Order(3)
    void theScorecardGivesTheFlagsAsAReason() {
        assertThat(
                        cli.query(
                                "select period, flags, reasons from coherence_scorecard where unit_code = 'NP-P1-DHA' order by period"))
                .map(Object::toString)
                .containsExactly(
                        "[1010, flagged_values, data_quality_flags: 1 unreviewed or rejected flag(s) on values in the unit (funding_dates).]",
                        "[2023, flagged_values, data_quality_flags: 4 unreviewed or rejected flag(s) on values in the unit"
                                + " (funding_share_of_file, negative_funding).]",
                        "[2031, flagged_values, data_quality_flags: 1 unreviewed or rejected flag(s) on values in the unit (funding_dates).]");
    }

    @Test
    @Order(4)
    void flagsFiltersByUnitPeriodAndCheck() {
        MizanCli.Result r = cli.run(
                "flags", "--unit", "NP-P1", "--period", "2023", "--check", "negative_funding", "--format", "csv");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().map(l -> l.split(",")[0]))
                .containsExactly("flag_id", "551fa9732d16", "e90c30567119");
        assertThat(cli.run("flags", "--unit", "NP-P3").out()).contains("(0 rows)");
        assertThat(cli.run("flags", "--period", "2023-13x").code()).isEqualTo(2);
    }

    @Test
    @Order(5)
    void aReviewSurvivesRebuildsAndReloadsAndAnExclusionChangesTheViewsByExactlyItsAmount() {
        // given: the diaspora commitments of Dhankuta Municipality and of Nepal in 2023
        String unit =
                "select diaspora_contribution_usd from remittance_investment_match where unit_code = '%s' and period = '2023'";
        assertThat(cli.value(unit.formatted("NP-P1-DHA-M01"))).isEqualTo("1003100.00");
        assertThat(cli.value(unit.formatted("NP"))).isEqualTo("1004200.00");
        String july =
                "select amount_usd from project_funding_totals where unit_code = 'NP-P1-DHA-M01' and period = '2023-07'";
        assertThat(cli.value(july))
                .isEqualTo("2001500.0000"); // the ledger's 1,000,000 + 1,500 and the IATI's 1,000,000
        // nothing is excluded yet: each coherence view's exclusion columns are 0
        String excluded = "select 'remittance_investment_match' as view, unit_code, excluded_records, excluded_usd"
                + " from remittance_investment_match where period = '2023' and unit_code in %1$s"
                + " union all select 'sector_alignment', unit_code, excluded_records, excluded_usd"
                + " from sector_alignment where fiscal_year = '2023' and unit_code in %1$s"
                + " union all select 'coherence_scorecard', unit_code, excluded_records, excluded_usd"
                + " from coherence_scorecard where period = '2023' and unit_code in %1$s"
                + " order by view, unit_code";
        String units = "('NP-P1-DHA', 'NP-P1-DHA-M01', 'NP-P1-DHA-M02')";
        assertThat(cli.query(excluded.formatted(units)).toString())
                .isEqualTo("[[coherence_scorecard, NP-P1-DHA, 0, 0.00], [coherence_scorecard, NP-P1-DHA-M01, 0, 0.00],"
                        + " [coherence_scorecard, NP-P1-DHA-M02, 0, 0.00],"
                        + " [remittance_investment_match, NP-P1-DHA, 0, 0.00], [remittance_investment_match, NP-P1-DHA-M01, 0, 0.00],"
                        + " [remittance_investment_match, NP-P1-DHA-M02, 0, 0.00],"
                        + " [sector_alignment, NP-P1-DHA, 0, 0.00], [sector_alignment, NP-P1-DHA-M01, 0, 0.00],"
                        + " [sector_alignment, NP-P1-DHA-M02, 0, 0.00]]");
        // when: the ledger's outlier is rejected and excluded, one negative expenditure accepted
        MizanCli.Result reject =
                cli.run("review", "422243c44329", "--reject", "typo: 1,000 not 1,000,000", "--exclude");
        assertThat(reject.code()).isZero();
        assertThat(reject.out())
                .startsWith("422243c44329 rejected: funding_share_of_file DHK-Q-05/E1 (typo: 1,000 not 1,000,000)\n");
        assertThat(cli.run("review", "551fa9732d16", "--accept", "a refund, booked as IATI asks")
                        .code())
                .isZero();
        // then: the views drop by exactly 1,000,000.00, and the exclusion is listed
        assertThat(cli.value(unit.formatted("NP-P1-DHA-M01"))).isEqualTo("3100.00");
        assertThat(cli.value(unit.formatted("NP"))).isEqualTo("4200.00");
        assertThat(cli.value(july)).isEqualTo("1001500.0000");
        // and each coherence view shows the exclusion in its unit and the units above it, not in a sibling
        assertThat(cli.query(excluded.formatted(units)).toString())
                .isEqualTo(
                        "[[coherence_scorecard, NP-P1-DHA, 1, 1000000.00], [coherence_scorecard, NP-P1-DHA-M01, 1, 1000000.00],"
                                + " [coherence_scorecard, NP-P1-DHA-M02, 0, 0.00],"
                                + " [remittance_investment_match, NP-P1-DHA, 1, 1000000.00],"
                                + " [remittance_investment_match, NP-P1-DHA-M01, 1, 1000000.00],"
                                + " [remittance_investment_match, NP-P1-DHA-M02, 0, 0.00],"
                                + " [sector_alignment, NP-P1-DHA, 1, 1000000.00], [sector_alignment, NP-P1-DHA-M01, 1, 1000000.00],"
                                + " [sector_alignment, NP-P1-DHA-M02, 0, 0.00]]");
        assertThat(cli.query("select * from quality_exclusions").toString())
                .isEqualTo(
                        "[[422243c44329, project_funding, DHK-Q-05/E1, NP-P1-DHA-M01, 2023-07, 1000000.0000, USD, 1000000.0000, typo: 1,000 not 1,000,000]]");
        String decisions =
                "select flag_id, review, review_reason, is_excluded from data_quality_flags where review <> 'open' order by flag_id";
        String expected =
                "[[422243c44329, rejected, typo: 1,000 not 1,000,000, true], [551fa9732d16, accepted, a refund, booked as IATI asks, false]]";
        assertThat(cli.query(decisions).toString()).isEqualTo(expected);

        // when: both files are delivered again unchanged (each reload rebuilds the warehouse)
        MizanCli.Result reload = cli.load("ingest-ledgers", "quality/ledger_outlier_2023.csv");
        cli.load("ingest-ledgers", "quality/iati_outliers.xml");
        // then: the decisions and the exclusion hold, and nothing counts as new
        assertThat(cli.query(decisions).toString()).isEqualTo(expected);
        assertThat(cli.value(unit.formatted("NP"))).isEqualTo("4200.00");
        assertThat(reload.out())
                .contains(
                        "  data quality: new flags none; open funding_dates 2, funding_share_of_file 1, negative_funding 1");
        // an accepted or excluded value is no longer a reason on the scorecard
        assertThat(cli.value(
                        "select reasons from coherence_scorecard where unit_code = 'NP-P1-DHA' and period = '2023'"))
                .isEqualTo(
                        "data_quality_flags: 2 unreviewed or rejected flag(s) on values in the unit (funding_share_of_file, negative_funding).");
    }

    @Test
    @Order(6)
    void aReviewOfAnUnknownFlagOrAnExclusionOfAnAcceptedValueIsAUsageError() {
        MizanCli.Result unknown = cli.run("review", "000000000000", "--accept", "fine");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err())
                .isEqualTo("mizan: no flag '000000000000' in the published warehouse (mizan flags lists them)\n");
        assertThat(cli.run("review", "139fad34a899", "--accept", "fine", "--exclude")
                        .code())
                .isEqualTo(2);
    }

    @Test
    @Order(7)
    void aMistakeInTheChecksStopsALoadWithExitCode2NamingTheFileTheCheckAndTheKey() throws Exception {
        java.nio.file.Path file = cli.home().resolve("quality.yml");
        java.nio.file.Files.writeString(
                file,
                "checks:\n  - {check: z, method: modified_zscore, dataset: remittance_inflows,"
                        + " measure: amount_usd, across: history, treshold: 3}\n");
        try {
            MizanCli.Result r = cli.run(
                    "run", "ingest-ledgers", "file=" + MizanCli.FIXTURES.resolve("quality/ledger_outlier_2023.csv"));
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .isEqualTo("mizan: " + file + ", check 'z': unknown key 'treshold' for method modified_zscore"
                            + " (keys: check, method, dataset, measure, across, min_points, threshold)\n");
            assertThat(cli.run("flags").code()).isEqualTo(2);
            // and a partition rerun or a backfill is refused the same way, before it reads the lake or starts a job
            MizanCli.Result rerun =
                    cli.run("rerun", "--job", "ingest-ledgers", "--source", "QUALITY", "--period", "2023-01");
            assertThat(rerun.code()).isEqualTo(2);
            assertThat(rerun.err()).isEqualTo(r.err());
            MizanCli.Result backfill = cli.run(
                    "backfill",
                    "--job",
                    "ingest-ledgers",
                    "--source",
                    "QUALITY",
                    "--from",
                    "2023-01",
                    "--to",
                    "2023-02");
            assertThat(backfill.code()).isEqualTo(2);
            assertThat(backfill.err()).isEqualTo(r.err());
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    @Order(8)
    void anExcludedRemittanceTransactionChangesTheViewsByExactlyItsAmount() throws Exception {
        // given: the shipped checks and one more, a transaction above 90 % of its file's USD total
        java.nio.file.Path checks = cli.home().resolve("quality.yml");
        java.nio.file.Files.writeString(
                checks,
                java.nio.file.Files.readString(java.nio.file.Path.of("config/quality.yml"))
                        + "  - check: remittance_share\n    method: share_of_total\n    dataset: remittance_transactions\n"
                        + "    measure: amount_usd\n    of: file\n    max_share_pct: 90\n");
        java.nio.file.Path file = cli.home().resolve("share_2024-03.csv");
        java.nio.file.Files.writeString(
                file,
                "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel\n"
                        + "S-1,SHR-001,2024-03-05T10:00:00Z,QA,NP-P1-DHA-M01,100.00,USD,2.00,,mto\n"
                        + "S-2,SHR-001,2024-03-06T10:00:00Z,QA,NP-P1-DHA-M01,100.00,USD,2.00,,mto\n"
                        + "S-3,SHR-001,2024-03-07T10:00:00Z,QA,NP-P1-DHA-M01,100.00,USD,2.00,,mto\n"
                        + "S-4,SHR-001,2024-03-08T10:00:00Z,QA,NP-P1-DHA-M01,10000.00,USD,20.00,,mto\n");
        try {
            MizanCli.Result load = cli.run("run", "ingest-remittances", "file=" + file);
            assertThat(load.code()).as(load.out() + load.err()).isZero();
            String inflows =
                    "select unit_code, amount_usd, txn_count from remittance_inflows where period = '2024-03' and unit_code in"
                            + " ('NP', 'NP-P1-DHA-M01') order by unit_code";
            assertThat(cli.query(inflows).toString())
                    .isEqualTo("[[NP, 10300.0000, 4], [NP-P1-DHA-M01, 10300.0000, 4]]");
            String match =
                    "select remittance_usd from remittance_investment_match where unit_code = 'NP' and period = '2024'";
            java.math.BigDecimal before = new java.math.BigDecimal(cli.value(match));
            String flag = cli.value("select flag_id from data_quality_flags where check_name = 'remittance_share'");
            assertThat(cli.query("select record, value, review, is_excluded from data_quality_flags where flag_id = '"
                                    + flag + "'")
                            .toString())
                    .isEqualTo("[[SHR-001/S-4, 10000.0000, open, false]]");

            // when: the steward rejects and excludes it
            MizanCli.Result reject =
                    cli.run("review", flag, "--reject", "a test payment, not a remittance", "--exclude");
            assertThat(reject.code()).as(reject.out() + reject.err()).isZero();
            assertThat(reject.out())
                    .startsWith(flag + " rejected: remittance_share SHR-001/S-4 (a test payment, not a remittance)\n"
                            + "  excluded from the totals and coherence views (quality_exclusions)\n");

            // then: the inflows and the coherence view drop by exactly 10,000.00, the transaction leaves the public
            // transactions, the exclusion is listed and the flag stays with its decision
            assertThat(cli.query(inflows).toString()).isEqualTo("[[NP, 300.0000, 3], [NP-P1-DHA-M01, 300.0000, 3]]");
            assertThat(before.subtract(new java.math.BigDecimal(cli.value(match))))
                    .isEqualByComparingTo("10000");
            // the exclusion shows in the coherence views drawing on remittances, in the unit and above it only
            // (sector_alignment draws on ledgers alone and has no 2024 row here)
            assertThat(cli.query("select unit_code, excluded_records, excluded_usd from remittance_investment_match"
                                    + " where period = '2024' and unit_code in ('NP', 'NP-P1-DHA', 'NP-P1-DHA-M01', 'NP-P1-DHA-M02')"
                                    + " order by unit_code")
                            .toString())
                    .isEqualTo("[[NP, 1, 10000.00], [NP-P1-DHA, 1, 10000.00], [NP-P1-DHA-M01, 1, 10000.00],"
                            + " [NP-P1-DHA-M02, 0, 0.00]]");
            assertThat(cli.query("select unit_code, excluded_records, excluded_usd from coherence_scorecard"
                                    + " where period = '2024' and unit_code in ('NP', 'NP-P1-DHA', 'NP-P1-DHA-M01', 'NP-P1-DHA-M02')"
                                    + " order by unit_code")
                            .toString())
                    .isEqualTo("[[NP, 1, 10000.00], [NP-P1-DHA, 1, 10000.00], [NP-P1-DHA-M01, 1, 10000.00],"
                            + " [NP-P1-DHA-M02, 0, 0.00]]");
            assertThat(cli.value("select count(*) from remittance_transactions where provider_id = 'SHR-001'"))
                    .isEqualTo("3");
            assertThat(cli.query("select * from quality_exclusions where dataset = 'remittance_transactions'")
                            .toString())
                    .isEqualTo("[[" + flag
                            + ", remittance_transactions, SHR-001/S-4, NP-P1-DHA-M01, 2024-03, 10000.0000, USD, 10000.0000,"
                            + " a test payment, not a remittance]]");
            assertThat(cli.query("select record, review, is_excluded from data_quality_flags where flag_id = '" + flag
                                    + "'")
                            .toString())
                    .isEqualTo("[[SHR-001/S-4, rejected, true]]");

            // when: the file is delivered again unchanged, the exclusion holds
            assertThat(cli.run("run", "ingest-remittances", "file=" + file).code())
                    .isZero();
            assertThat(cli.query(inflows).toString()).isEqualTo("[[NP, 300.0000, 3], [NP-P1-DHA-M01, 300.0000, 3]]");
        } finally {
            java.nio.file.Files.delete(checks);
        }
    }
}
