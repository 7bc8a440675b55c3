package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real files published by others (copies in fixtures/real, see SOURCES.md there): the World Bank's Remittance
 * Prices Worldwide corridor export and the ECB's euro reference rates, each through its mapping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDataIT {

    private final MizanCli cli = MizanCli.inTempHome("real");
    private MizanCli.Result worldBank;
    private MizanCli.Result ecb;

    @BeforeAll
    void load() {
        worldBank = cli.load(
                "ingest-remittances",
                "real/wb_rpw_corridors_ATCR_2011Q1-2020Q3.csv",
                "mapping=remittances/wb-rpw-corridors");
        ecb = cli.load("load-fx-rates", "real/ecb_eurofxref-hist.csv", "mapping=fx/ecb-eurofxref");
    }

    @Test
    void theWorldBankFileLoadsEveryPublishedCellAndSkipsItsFooter() {
        // 5,328 corridor rows; ".." cells are missing, not zero; the five footer lines are not data
        assertThat(worldBank.out())
                .contains("5328 lines read: 10417 corridor costs stored, 0 rejected; 5 blank or footer lines skipped");
        assertThat(cli.value("select count(*) from corridor_costs")).isEqualTo("10417");
        assertThat(cli.value("select count(distinct quarter) from corridor_costs"))
                .isEqualTo("35");
    }

    @Test
    void theWorldBankPublishedCostsAreKeptAsPublished() {
        assertThat(
                        cli.value(
                                "select avg_cost_pct from corridor_costs where quarter = '2019-Q1' and sender_country = 'QA' and receiving_country = 'NP'"))
                .isEqualTo("4.24333333969116");
        assertThat(
                        cli.value(
                                "select avg_cost_pct from corridor_costs where quarter = '2019-Q1' and sender_country = 'RU' and receiving_country = 'TJ'"))
                .isEqualTo("1.60000002384186");
        // a quoted country name with a comma in it does not shift the columns
        assertThat(cli.value("select count(*) from corridor_costs where sender_country = 'KR'"))
                .isNotEqualTo("0");
    }

    @Test
    void remittanceCostShowsTheWorldBankFigureBesideTheCorridorOfTheSameQuarter() throws java.io.IOException {
        // given transactions from Qatar to Nepal in 2019-Q1, the quarter the World Bank published 4.2433 % for
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        java.nio.file.Path feed = MizanCli.tempDir("wb").resolve("mto-017_2019-02.csv");
        java.nio.file.Files.writeString(feed, """
                txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel
                T-2019-1,MTO-017,2019-02-10T10:00:00+03:00,QA,NP-P1-DHA-M01,1000.00,QAR,30.00,1.00,mto
                T-2019-2,MTO-017,2019-02-11T10:00:00+03:00,QA,NP-P1-DHA-M01,2000.00,QAR,40.00,,mto
                """);
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + feed);
        assertThat(r.code()).isZero();
        // then the corridor's own average (3 + 1 and 2 + 0: 3.0000) stands beside the published one
        assertThat(cli.query("select avg_cost_pct, txn_count, is_above_3pct, wb_avg_cost_pct from remittance_cost"
                                + " where quarter = '2019-Q1' and sender_country = 'QA'")
                        .toString())
                .isEqualTo("[[3.0000, 2, false, 4.2433]]");
    }

    @Test
    void theEcbPerEuroRatesAreCrossedThroughTheDollar() {
        assertThat(ecb.out()).contains("6983 lines read: 217555 FX rates stored, 0 rejected");
        // on 2024-03-01 one euro bought 1.0813 dollars and 162.82 yen
        assertThat(cli.value("select per_usd from fx_rates where currency = 'EUR' and rate_date = '2024-03-01'"))
                .isEqualTo("0.92481273");
        assertThat(cli.value("select per_usd from fx_rates where currency = 'JPY' and rate_date = '2024-03-01'"))
                .isEqualTo("150.57800795");
        assertThat(cli.value("select per_usd from fx_rates where currency = 'EUR' and rate_date = '1999-01-04'"))
                .isEqualTo("0.84824837");
        // "N/A" is no rate, not a zero rate
        assertThat(cli.value("select count(*) from fx_rates where per_usd <= 0"))
                .isEqualTo("0");
    }
}
