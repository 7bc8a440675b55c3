package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real IATI files (copies in fixtures/real, see SOURCES.md there) through {@code ingest-ledgers} with no
 * mapping: IOM's 100 activities from d-portal and the standard's annotated example. Expected values come from
 * fixtures/tools/iati_expected.py, which reads the XML with xml.etree independently of the Java reader.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IatiRealDataIT {

    private final MizanCli cli = MizanCli.inTempHome("iati");
    private MizanCli.Result iom;
    private MizanCli.Result example;

    @BeforeAll
    void load() {
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        iom = cli.load("ingest-ledgers", "real/iati_iom_dportal_119.xml");
        example = cli.load("ingest-ledgers", "real/iati_activity-standard-example-annotated_2.03.xml");
    }

    @Test
    void theIomFileIsRecognisedByItsRootElementAndLoadsEveryActivity() {
        // 100 activities: 100 projects + 300 sectors + 100 places + 100 transactions
        assertThat(iom.out())
                .contains("mapping defaults/iati-activities")
                .contains(
                        "100 activities read: 100 projects, 300 project sectors, 100 project places, 100 funding entries stored, 0 rejected");
        assertThat(cli.value("select count(*) from projects where source_id = 'XM-DAC-47066'"))
                .isEqualTo("100");
    }

    @Test
    void transactionsByTypeAndSectorsByVocabularyAreAsPublished() {
        assertThat(cli.query(
                                "select entry_type, count(*) from fct_funding_entries where source_id = 'XM-DAC-47066' group by all")
                        .toString())
                .isEqualTo("[[incoming_commitment, 100]]");
        assertThat(cli.query("select vocabulary, count(*) from project_sectors where project_id like 'XM-DAC-47066-%'"
                                + " group by all order by 1")
                        .toString())
                .isEqualTo("[[1, 100], [98, 100], [99, 100]]");
        // every location/administrative code resolved (NP) -> a unit; else the recipient country or region
        assertThat(cli.query("select place_kind, count(*) from project_places where project_id like 'XM-DAC-47066-%'"
                                + " group by all order by 1")
                        .toString())
                .isEqualTo("[[country, 80], [region, 18], [unit, 2]]");
    }

    @Test
    void usdSumsOfNamedActivitiesNepalAndTheFileMatchTheIndependentScript() {
        assertThat(cli.value("select sum(amount_usd) from project_funding where project_id = 'XM-DAC-47066-PX.0186'"))
                .isEqualTo("250000.3400");
        assertThat(cli.query(
                                "select unit_code, sector_code, entry_type, entry_on, funder_name, fx_source from project_funding"
                                        + " where project_id = 'XM-DAC-47066-PX.0186'")
                        .toString())
                .isEqualTo(
                        "[[NP, 99810, incoming_commitment, 2020-05-01, UN COVID-19 Response and Recovery Fund - MPTF, identity]]");
        assertThat(
                        cli.value(
                                "select sum(amount_usd) from project_funding where unit_code = 'NP' and project_id like 'XM-DAC-47066-%'"))
                .isEqualTo("514698.6400");
        assertThat(cli.value("select sum(amount_usd) from project_funding where entry_type = 'incoming_commitment'"
                        + " and project_id like 'XM-DAC-47066-%'"))
                .isEqualTo("213758197.1400");
        // regions are kept as regions: Asia (142) and Southern Africa (202)
        assertThat(cli.value("select sum(amount_usd) from int_project_funding where region_code = '202'"))
                .isEqualTo("8722368.0000");
        assertThat(cli.value("select sum(amount_usd) from int_project_funding where region_code = '142'"))
                .isEqualTo("2853964.6700");
        // the roll-up counts Nepal's two activities at level 0
        assertThat(
                        cli.value(
                                "select amount_usd from project_funding_totals where unit_code = 'NP' and level = 0 and period = '2020-05'"))
                .isEqualTo("250000.3400");
    }

    @Test
    void theProjectRowCarriesTitleStatusDatesAndReportingOrganisation() {
        assertThat(cli.query("select title, reporting_org, initiative_level, status, start_on, end_on from projects"
                                + " where project_id = 'XM-DAC-47066-MP.0463'")
                        .toString())
                .isEqualTo(
                        "[[Scaling Up Coordinated Protection, Promotion and Enforcement of Human Rights for Citizens and Other Vulnerable"
                                + " Groups including Internally Displaced Persons in Zimbabwe, International Organization for Migration (IOM),"
                                + " international, implementation, 2020-05-14, 2022-01-31]]");
    }

    @Test
    void theSameFileDeliveredAgainReplacesItsRowsInEveryDatasetAndAddsNone() {
        cli.load("ingest-ledgers", "real/iati_iom_dportal_119.xml");
        assertThat(cli.query("select (select count(*) from projects where source_id = 'XM-DAC-47066'),"
                                + " (select count(*) from project_sectors where project_id like 'XM-DAC-47066-%'),"
                                + " (select count(*) from project_places where project_id like 'XM-DAC-47066-%'),"
                                + " (select count(*) from fct_funding_entries where source_id = 'XM-DAC-47066')")
                        .toString())
                .isEqualTo("[[100, 300, 100, 100]]");
    }

    @Test
    void theStandardsAnnotatedExampleLoads() {
        // one activity: project, 3 sectors, 2 countries + 2 regions, 1 transaction
        assertThat(example.out())
                .contains(
                        "1 activity read: 1 project, 3 project sectors, 4 project places, 1 funding entry stored, 0 rejected");
        assertThat(cli.query(
                                "select project_id, reporting_org, status, start_on, end_on from projects where project_id = 'AA-AAA-123456789-ABC123'")
                        .toString())
                .isEqualTo("[[AA-AAA-123456789-ABC123, Organisation name, implementation, 2012-04-28, 2015-12-31]]");
        assertThat(cli.query(
                                "select entry_type, amount, currency, entry_on, unit_code, sector_code from fct_funding_entries"
                                        + " where project_id = 'AA-AAA-123456789-ABC123'")
                        .toString())
                .isEqualTo("[[incoming_funds, 1000.0000, EUR, 2012-01-01, TM, null]]");
    }
}
