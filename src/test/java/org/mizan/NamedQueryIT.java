package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code mizan query NAME --unit --period}: named queries with bound parameters, listed by {@code --list}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamedQueryIT {

    private final MizanCli cli = MizanCli.inTempHome("named");

    @BeforeAll
    void load() {
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("load-fx-rates", "fx/fx_rates.csv");
        cli.load("ingest-remittances", "remittances/mto-017_2024-03.csv");
    }

    @Test
    void inflowsOfADistrictAndEveryUnitBelowIt() {
        // values from fixtures/tools/expected.json (computed by fixtures/tools/expected.py, independently of Mizan)
        MizanCli.Result r =
                cli.run("query", "inflows", "--unit", "NP-P1-DHA", "--period", "2024-03", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                unit_code,level,period,amount_usd,txn_count
                NP-P1-DHA,2,2024-03,44553.2385,61
                NP-P1-DHA-M01,3,2024-03,24715.2503,35
                NP-P1-DHA-M02,3,2024-03,12511.0809,17
                NP-P1-DHA-M03,3,2024-03,7326.9073,9
                NP-P1-DHA-M01-W05,4,2024-03,7894.1563,9
                """);
        // a year selects its months; a unit with no inflow in them gives no row
        assertThat(cli.run("query", "inflows", "--unit", "NP-P1", "--period", "2024", "--format", "csv")
                        .out()
                        .lines()
                        .filter(l -> l.startsWith("NP-P1,")))
                .containsExactly(
                        "NP-P1,1,2024-02,1000.2472,1", "NP-P1,1,2024-03,84977.5985,110", "NP-P1,1,2024-04,635.3989,1");
    }

    @Test
    void drillToSourceNamesFileAndLineOfEveryTransaction() {
        MizanCli.Result r =
                cli.run("query", "inflow-sources", "--unit", "NP-P1-DHA-M03", "--period", "2024-03", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().skip(1))
                .hasSize(9)
                .allMatch(l -> l.startsWith("2024-03,MTO-017,mto-017_2024-03.csv,"));
    }

    @Test
    void parametersAreValuesNotSql() {
        // a unit is a value checked against the gazetteer (a usage error since issue 20), never a piece of SQL
        MizanCli.Result r = cli.run("query", "inflows", "--unit", "NP' or 1=1 --", "--format", "csv");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("mizan: --unit 'NP' or 1=1 --' is not in the gazetteer");
        MizanCli.Result unknown = cli.run("query", "inflows", "--param", "region=NP-P1");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("query inflows takes no parameter 'region' (it takes [unit, period])");
        assertThat(cli.run("query", "scorecards").err())
                .contains("no named query 'scorecards' (mizan query --list shows them)");
    }

    @Test
    void listShowsEveryNamedQueryWithItsParameters() {
        String list = cli.run("query", "--list").out();
        assertThat(list)
                .contains("inflows: Remittance inflows in USD per unit and period")
                .contains("    --unit  a unit code: that unit and every unit below it")
                .contains("inflow-sources: Drill to source")
                .contains("cost: Average cost of sending remittances");
    }
}
