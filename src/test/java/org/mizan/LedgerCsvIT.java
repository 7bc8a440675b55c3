package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The local-authority ledger (format 6) and national plan allocations (format 7) recognised by their headers,
 * and a Tajik jamoat ledger in its own layout through a mapping (jobs/ledgers/sughd-matching.yml). Expected
 * values: fixtures/tools/ledger_expected.py.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerCsvIT {

    private final MizanCli cli = MizanCli.inTempHome("ledgers");
    private MizanCli.Result ledger;
    private MizanCli.Result plan;
    private MizanCli.Result sughd;

    @BeforeAll
    void load() {
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("load-fx-rates", "ledgers/fx_ledger_rates.csv");
        ledger = cli.load("ingest-ledgers", "ledgers/np-p1-p3_ledger_2023.csv");
        plan = cli.load("ingest-ledgers", "ledgers/np_plan_allocations_2024.csv");
        sughd = cli.load("ingest-ledgers", "ledgers/sughd_matching_2023.csv", "mapping=ledgers/sughd-matching");
    }

    @Test
    void theLedgerIsRecognisedByItsHeaderAndItsBadRowsAreQuarantinedByRule() {
        assertThat(ledger.out())
                .contains("mapping defaults/ledger")
                .contains("22 lines read: 19 funding entries stored, 3 rejected")
                .contains("rejected by rule: bad_value 1, duplicate_in_file 1, unknown_unit 1");
        assertThat(cli.value("select count(*) from fct_funding_entries where source_file = 'np-p1-p3_ledger_2023.csv'"))
                .isEqualTo("19");
    }

    @Test
    void ledgerProjectsAreDescribedByTheirRows() {
        assertThat(cli.query(
                                "select project_id, title, reporting_org, initiative_level, status, start_on, end_on, source_id from projects"
                                        + " where project_id in ('DHK-2023-07', 'KTM-2023-01') order by 1")
                        .toString())
                .isEqualTo(
                        "[[DHK-2023-07, Goat farm cooperative, Dhankuta Municipality, local, null, 2023-07-15, null, NP-P1-DHA-M01],"
                                + " [KTM-2023-01, Migrant resource centre, null, local, null, 2023-07-17, null, NP-P3-KTM-M01]]");
        // 8 Nepal projects (LAL-2023-02 and -03 had only rejected rows) and 2 in Sughd
        assertThat(cli.value("select count(*) from projects")).isEqualTo("10");
    }

    @Test
    void ledgerRowsAreNotSplitAndKeepTheirUnitSectorFunderAndScheme() {
        assertThat(cli.query(
                                "select entry_id, unit_code, sector_code, entry_type, entry_on, funder_type, funder_name, scheme, amount, currency"
                                        + " from project_funding where project_id = 'DHK-2023-07' order by entry_id")
                        .toString())
                .isEqualTo(
                        "[[E1, NP-P1-DHA-M01, 31120, commitment, 2023-07-15, diaspora, Dhankuta returnees group, 1x1, 400000.0000, NPR],"
                                + " [E2, NP-P1-DHA-M01, 31120, commitment, 2023-07-15, local_authority, Dhankuta Municipality, 1x1, 400000.0000, NPR],"
                                + " [E3, NP-P1-DHA-M01, 31120, disbursement, 2023-07-17, local_authority, Dhankuta Municipality, 1x1, 200000.0000, NPR]]");
    }

    @Test
    void planAllocationsAreRecognisedByTheirHeaderAndConvertedAtTheFiscalYearsFirstDay() {
        assertThat(plan.out())
                .contains("mapping defaults/plan-allocations")
                .contains("8 lines read: 6 plan allocations stored, 2 rejected")
                .contains("rejected by rule: bad_value 1, unknown_unit 1");
        assertThat(cli.query(
                                "select plan_id, fiscal_year, unit_code, sector_code, planned_amount, currency, planned_usd from plan_allocations"
                                        + " order by plan_id, unit_code, sector_code")
                        .toString())
                .isEqualTo("[[NP-16TH-PLAN, 2024, NP-P1, 16020, 500000000.0000, NPR, 3753753.7538],"
                        + " [NP-16TH-PLAN, 2024, NP-P1, 31120, 1250000000.0000, NPR, 9384384.3844],"
                        + " [NP-16TH-PLAN, 2024, NP-P3, 15190, 300000000.0000, NPR, 2252252.2523],"
                        + " [NP-16TH-PLAN, 2024, NP-P3, 21020, 2000000000.0000, NPR, 15015015.0150],"
                        + " [TJ-NDS-2030, 2024, TJ-KT, 16020, 10000000.0000, GEL, null],"
                        + " [TJ-NDS-2030, 2024, TJ-SU, 31120, 40000000.0000, TJS, 3669724.7706]]");
    }

    @Test
    void aLedgerInItsOwnLayoutLoadsThroughItsMapping() {
        assertThat(sughd.out())
                .contains("mapping ledgers/sughd-matching")
                .contains("4 lines read: 4 funding entries stored, 0 rejected");
        assertThat(cli.query(
                                "select project_id, entry_id, unit_code, entry_type, entry_on, funder_type, funder_name, amount, currency, amount_usd"
                                        + " from project_funding where project_id = 'PNJ-2023-01' order by entry_id")
                        .toString())
                .isEqualTo(
                        "[[PNJ-2023-01, E1, TJ-SU-PNJ-J04, commitment, 2023-07-01, diaspora, Мигранты Рудаки, 50000.0000, TJS, 4587.1560],"
                                + " [PNJ-2023-01, E2, TJ-SU-PNJ-J04, commitment, 2023-07-01, local_authority, Джамоат Рудаки, 50000.0000, TJS, 4587.1560]]");
    }
}
