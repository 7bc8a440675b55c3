package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Golden test of {@code matching_leverage} on ledgers with schemes that meet and break each rule
 * (fixtures/ledgers: Nepal's 1x1, 3x1 and 85/15 projects, a Sughd jamoat 1x1 pilot): every row at every level,
 * as computed by fixtures/tools/ledger_expected.py.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingLeverageIT {

    private final MizanCli cli = MizanCli.inTempHome("matching");

    @BeforeAll
    void load() {
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("load-fx-rates", "ledgers/fx_ledger_rates.csv");
        cli.load("ingest-ledgers", "ledgers/np-p1-p3_ledger_2023.csv");
        cli.load("ingest-ledgers", "ledgers/sughd_matching_2023.csv", "mapping=ledgers/sughd-matching");
    }

    @Test
    void everyUnitLevelAndSchemeMatchesTheIndependentComputation() {
        List<String> rows = cli
                .query("select unit_code, level, period, scheme, migrant_contribution_usd, matched_public_usd,"
                        + " leverage_ratio, is_rule_met from matching_leverage order by unit_code, scheme")
                .stream()
                .map(Object::toString)
                .toList();
        assertThat(rows)
                .containsExactly(
                        "[NP, 0, 2023, 1x1, 6049.1709, 6652.9445, 1.0998, false]",
                        "[NP, 0, 2023, 3x1, 1509.4340, 3396.2265, 2.2500, false]",
                        "[NP, 0, 2023, co_financing_85_15, 1886.7925, 13207.5471, 7.0000, false]",
                        "[NP-P1, 1, 2023, 1x1, 6049.1709, 6652.9445, 1.0998, false]",
                        "[NP-P1, 1, 2023, 3x1, 1509.4340, 3396.2265, 2.2500, false]",
                        "[NP-P1-DHA, 2, 2023, 1x1, 6049.1709, 6652.9445, 1.0998, false]",
                        "[NP-P1-DHA-M01, 3, 2023, 1x1, 3030.3030, 3030.3030, 1.0000, true]",
                        "[NP-P1-DHA-M02, 3, 2023, 1x1, 3018.8679, 2264.1509, 0.7500, false]",
                        "[NP-P1-DHA-M03, 3, 2023, 1x1, 0.0000, 1358.4906, null, null]",
                        "[NP-P1-SUN, 2, 2023, 3x1, 1509.4340, 3396.2265, 2.2500, false]",
                        "[NP-P1-SUN-M01, 3, 2023, 3x1, 754.7170, 2264.1510, 3.0000, true]",
                        "[NP-P1-SUN-M02, 3, 2023, 3x1, 754.7170, 1132.0755, 1.5000, false]",
                        "[NP-P3, 1, 2023, co_financing_85_15, 1886.7925, 13207.5471, 7.0000, false]",
                        "[NP-P3-KTM, 2, 2023, co_financing_85_15, 1886.7925, 13207.5471, 7.0000, false]",
                        "[NP-P3-KTM-M01, 3, 2023, co_financing_85_15, 1132.0755, 6415.0943, 5.6667, true]",
                        "[NP-P3-KTM-M02, 3, 2023, co_financing_85_15, 754.7170, 6792.4528, 9.0000, false]",
                        "[TJ, 0, 2023, 1x1, 10091.7432, 7339.4496, 0.7273, false]",
                        "[TJ-SU, 1, 2023, 1x1, 10091.7432, 7339.4496, 0.7273, false]",
                        "[TJ-SU-PNJ, 2, 2023, 1x1, 10091.7432, 7339.4496, 0.7273, false]",
                        "[TJ-SU-PNJ-J04, 3, 2023, 1x1, 4587.1560, 4587.1560, 1.0000, true]",
                        "[TJ-SU-PNJ-J05, 3, 2023, 1x1, 5504.5872, 2752.2936, 0.5000, false]");
    }

    @Test
    void theNoteSaysWhyARuleBrokeOrCouldNotBeJudged() {
        assertThat(cli.value("select rule_note from matching_leverage where unit_code = 'NP-P1-DHA-M02'"))
                .isEqualTo("0 of 1 project(s) meet the rule; DHK-2023-08: public 2264.15 vs migrant 3018.87 USD");
        assertThat(cli.value("select rule_note from matching_leverage where unit_code = 'NP-P1-SUN-M02'"))
                .isEqualTo(
                        "0 of 1 project(s) meet the rule; DHR-2023-02: 1 of 2 public funders match the migrant 754.72 USD (3 needed)");
        assertThat(cli.value("select rule_note from matching_leverage where unit_code = 'NP-P3-KTM-M02'"))
                .isEqualTo(
                        "0 of 1 project(s) meet the rule; KTM-2023-02: diaspora share 10.00 % of 7547.17 USD (15 % needed)");
        assertThat(cli.value("select rule_note from matching_leverage where unit_code = 'NP-P1-DHA-M03'"))
                .isEqualTo(
                        "0 of 1 project(s) meet the rule; DHK-2023-09: 1 commitment(s) without a USD rate left out, rule undecided");
        assertThat(cli.value("select rule_note from matching_leverage where unit_code = 'NP-P1-DHA-M01'"))
                .isEqualTo("1 of 1 project(s) meet the rule");
        assertThat(cli.value("select rule_note from matching_leverage where unit_code = 'NP-P1-DHA'"))
                .isEqualTo("1 of 3 project(s) meet the rule; DHK-2023-08: public 2264.15 vs migrant 3018.87 USD;"
                        + " DHK-2023-09: 1 commitment(s) without a USD rate left out, rule undecided");
    }
}
