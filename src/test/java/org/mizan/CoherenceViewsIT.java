package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.warehouse.Contracts;

/**
 * The coherence views on the fixtures of every source (remittances, corridor aggregates, ledgers, plans,
 * registries): each keeps its contract (warehouse/contracts), and the reconciliation of the central bank's figure
 * against the providers' transactions has the values computed from the files themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoherenceViewsIT {

    private final MizanCli cli = MizanCli.inTempHome("coherence");

    @BeforeAll
    void load() {
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("load-fx-rates", "fx/fx_rates.csv");
        cli.load("load-fx-rates", "ledgers/fx_ledger_rates.csv");
        cli.load("ingest-remittances", "remittances/mto-017_2024-03.csv");
        cli.load("ingest-remittances", "remittances/bnk-003_2024-03.jsonl");
        cli.load("ingest-remittances", "remittances/nrb_corridors_2024-03.csv");
        cli.load("ingest-ledgers", "ledgers/np-p1-p3_ledger_2023.csv");
        cli.load("ingest-ledgers", "ledgers/np_plan_allocations_2024.csv");
        cli.load("ingest-registries", "registries/dhankuta_people_2024.csv", "mapping=registries/dhankuta-people");
        cli.load("ingest-registries", "registries/dhankuta_services_2024.csv", "mapping=registries/dhankuta-services");
    }

    @Test
    void everyCoherenceViewKeepsItsContract() throws Exception {
        assertThat(Contracts.count()).isGreaterThanOrEqualTo(17);
        List<Contracts.Breach> breaches =
                Contracts.check(cli.home().resolve("warehouse/mizan.duckdb").toRealPath());
        assertThat(breaches).isEmpty();
        for (String view : List.of(
                "remittance_investment_match",
                "sector_alignment",
                "programme_complementarity",
                "level_reconciliation",
                "coherence_scorecard")) {
            assertThat(Long.parseLong(cli.value("select count(*) from " + view)))
                    .as(view)
                    .isPositive();
        }
    }

    @Test
    void theCentralBanksFigureAgainstTheTransactions() throws Exception {
        // NRB's March 2024 rows for Koshi Province, summed from the file here; the transactions' sum is
        // fixtures/tools/expected.json's inflow of NP-P1 in 2024-03 (84977.5985, by fixtures/tools/expected.py)
        double reported =
                Files.readAllLines(MizanCli.FIXTURES.resolve("remittances/nrb_corridors_2024-03.csv")).stream()
                        .map(l -> l.split(","))
                        .filter(f -> f[0].equals("2024-03") && f[2].equals("NP-P1"))
                        .mapToDouble(f -> Double.parseDouble(f[3]))
                        .sum();
        assertThat(String.format("%.2f", reported)).isEqualTo("108014098.12");
        assertThat(cli.query(
                                "select reported_value, sum_of_children, discrepancy_pct, is_flagged from level_reconciliation"
                                        + " where unit_code = 'NP-P1' and period = '2024-03'")
                        .get(0)
                        .toString())
                .isEqualTo("[108014098.12, 84977.60, "
                        + String.format("%.2f", 100 * (108014098.12 - 84977.60) / 108014098.12) + ", true]");
        // and the scorecard names the view and the numbers
        assertThat(cli.value("select reasons from coherence_scorecard where unit_code = 'NP-P1' and period = '2024'"))
                .contains(
                        "level_reconciliation: the central bank reported 108014098.12 USD for 2024-03, transactions sum 84977.60 (99.92 % apart)");
    }

    @Test
    void missingIsNotZero() {
        // 2024: providers reported for Nepal, but no ledger of any Nepali municipality covers 2024
        assertThat(cli.query(
                                "select remittance_usd is not null, diaspora_contribution_usd, capture_pct, status, coverage_pct"
                                        + " from remittance_investment_match where unit_code = 'NP-P1' and period = '2024'")
                        .get(0)
                        .toString())
                .isEqualTo("[true, null, null, not_reported, 0.0]");
        // 2023: the ledgers reported, no provider did
        assertThat(cli.query(
                                "select remittance_usd, status from remittance_investment_match where unit_code = 'NP-P1' and period = '2023'")
                        .get(0)
                        .toString())
                .isEqualTo("[null, not_reported]");
    }
}
