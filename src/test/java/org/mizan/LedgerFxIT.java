package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Currency conversion of ledger amounts with provenance (rates: fixtures/ledgers/fx_ledger_rates.csv; NPR on
 * 2023-07-14 and 2023-07-17, no QAR rate): the value date's rate, else the nearest earlier one; an amount with no
 * usable rate kept, flagged, left out of USD totals and counted. Expected values: fixtures/tools/ledger_expected.py.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerFxIT {

    private final MizanCli cli = MizanCli.inTempHome("ledger-fx");

    @BeforeAll
    void load() {
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("load-fx-rates", "ledgers/fx_ledger_rates.csv");
        cli.load("ingest-ledgers", "ledgers/np-p1-p3_ledger_2023.csv");
    }

    @Test
    void theRateOfTheValueDateIsChosen() {
        // 2023-07-17 has its own rate (132.50), not the earlier 132.00
        assertThat(cli.query("select amount_usd, fx_rate, fx_rate_date, fx_source from project_funding"
                                + " where project_id = 'DHK-2023-07' and entry_id = 'E3'")
                        .toString())
                .isEqualTo("[[1509.4340, 132.50000000, 2023-07-17, fx-rates]]");
    }

    @Test
    void aDayWithoutARateTakesTheNearestEarlierOne() {
        // 2023-07-15 is a Saturday: Friday's 132.00 is used, and its date says so
        assertThat(cli.query("select entry_id, amount_usd, fx_rate, fx_rate_date from project_funding"
                                + " where project_id = 'DHK-2023-07' and entry_on = '2023-07-15' order by entry_id")
                        .toString())
                .isEqualTo("[[E1, 3030.3030, 132.00000000, 2023-07-14], [E2, 3030.3030, 132.00000000, 2023-07-14]]");
    }

    @Test
    void anAmountWithoutARateIsKeptFlaggedExcludedFromUsdTotalsAndCounted() {
        // the Qatar-based diaspora's 5,000 QAR: no QAR rate at all
        assertThat(cli.query(
                                "select amount, currency, amount_usd, fx_rate, fx_rate_date, fx_source from project_funding"
                                        + " where project_id = 'DHK-2023-09' and entry_id = 'E1'")
                        .toString())
                .isEqualTo("[[5000.0000, QAR, null, null, null, null]]");
        assertThat(cli.query("select * from fx_unconverted").toString())
                .isEqualTo("[[project_funding, DHK-2023-09, E1, QAR, 5000.0000, 2023-07-17]]");
        // Mahalaxmi's total holds only the converted NPR entry, and says one entry was left out
        assertThat(cli.query("select amount_usd, converted_entries, excluded_entries from project_funding_totals"
                                + " where unit_code = 'NP-P1-DHA-M03' and period = '2023-07'")
                        .toString())
                .isEqualTo("[[1358.4906, 1, 1]]");
        assertThat(cli.query("select amount_usd, converted_entries, excluded_entries from project_funding_totals"
                                + " where unit_code = 'NP' and period = '2023-07'")
                        .toString())
                .isEqualTo("[[" + "49305.8891" + ", 18, 1]]");
    }
}
