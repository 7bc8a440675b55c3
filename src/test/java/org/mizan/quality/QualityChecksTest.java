package org.mizan.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mizan.source.MappingException;
import org.yaml.snakeyaml.Yaml;

/** config/quality.yml is read as documented, and every mistake names the file, the check and the key. */
class QualityChecksTest {

    private static List<QualityCheck> parse(String yaml) {
        return QualityChecks.parse("q.yml", new Yaml().load(yaml));
    }

    @Test
    void theShippedChecksAreValidWithTheirDefaults() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("config/quality.yml")) {
            List<QualityCheck> checks = QualityChecks.parse("config/quality.yml", new Yaml().load(in));
            assertThat(checks)
                    .extracting(QualityCheck::name)
                    .containsExactly(
                            "funding_share_of_file",
                            "negative_funding",
                            "funding_dates",
                            "remittance_dates",
                            "inflow_history",
                            "inflow_siblings",
                            "inflow_jump",
                            "services_history",
                            "inflow_level_gap");
            assertThat(checks.get(4))
                    .isEqualTo(new QualityCheck(
                            "inflow_history",
                            "modified_zscore",
                            "remittance_inflows",
                            "amount_usd",
                            "history",
                            3.5,
                            null,
                            6,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
            assertThat(checks.get(7).k()).isEqualTo(1.5);
            assertThat(checks.get(0).minPoints()).isEqualTo(3);
        }
    }

    @Test
    void aModifiedZScoreWithoutThresholdTakes35() {
        assertThat(parse(
                                "checks: [{check: z, method: modified_zscore, dataset: remittance_inflows, measure: txn_count, across: siblings}]")
                        .get(0)
                        .threshold())
                .isEqualTo(3.5);
    }

    @Test
    void mistakesNameTheFileTheCheckAndTheKey() {
        assertThatThrownBy(() -> parse(
                        "checks: [{check: z, method: modified_zscore, dataset: remittance_inflows, measure: amount_usd,"
                                + " across: history, treshold: 3}]"))
                .isInstanceOf(MappingException.class)
                .hasMessage(
                        "q.yml, check 'z': unknown key 'treshold' for method modified_zscore (keys: check, method, dataset, measure,"
                                + " across, min_points, threshold)");
        assertThatThrownBy(() ->
                        parse("checks: [{check: z, method: zscore, dataset: remittance_inflows, measure: amount_usd}]"))
                .hasMessage(
                        "q.yml, check 'z': unknown method 'zscore' (methods: date_range, iqr, jump, level_gap, modified_zscore,"
                                + " negative_amount, share_of_total)");
        assertThatThrownBy(
                        () -> parse(
                                "checks: [{check: z, method: iqr, dataset: remittance_inflows, measure: amount, across: history}]"))
                .hasMessage(
                        "q.yml, check 'z': dataset remittance_inflows has no measure 'amount' (measures: amount_usd, txn_count)");
        assertThatThrownBy(() -> parse(
                        "checks: [{check: z, method: negative_amount, dataset: remittance_inflows, measure: amount_usd,"
                                + " entry_types: [commitment]}]"))
                .hasMessage(
                        "q.yml, check 'z': method negative_amount does not apply to dataset 'remittance_inflows' (datasets:"
                                + " project_funding, remittance_transactions)");
        assertThatThrownBy(() -> parse(
                        "checks: [{check: z, method: modified_zscore, dataset: remittance_inflows, measure: amount_usd,"
                                + " across: history, threshold: -1}]"))
                .hasMessage("q.yml, check 'z': threshold -1 must be above 0");
        assertThatThrownBy(() -> parse(
                        "checks: [{check: s, method: share_of_total, dataset: project_funding, measure: amount_usd,"
                                + " of: file, max_share_pct: 150}]"))
                .hasMessage("q.yml, check 's': max_share_pct 150 must be above 0 and at most 100");
        assertThatThrownBy(() ->
                        parse("checks: [{check: d, method: date_range, dataset: project_funding, measure: amount}]"))
                .hasMessage("q.yml, check 'd': 'floor_year:' is required for method date_range");
        assertThatThrownBy(
                        () -> parse(
                                "checks: [{check: d, method: date_range, dataset: project_funding, measure: amount, floor_year: 1990},"
                                        + " {check: d, method: date_range, dataset: project_funding, measure: amount, floor_year: 1990}]"))
                .hasMessage("q.yml, check 'd': the name is used twice; each check needs its own");
        assertThatThrownBy(() -> parse("rules: []"))
                .hasMessage("q.yml: expected only a top-level 'checks:' list (see config/quality.yml)");
    }
}
