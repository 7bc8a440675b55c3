package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A merged unit: Telavi City (GE-KA-TEL-C) and the rural Telavi Municipality (GE-KA-TEL-M), both ended on
 * 2017-10-20 and merged into Telavi Municipality (GE-KA-TEL) from 2017-10-21 (fixtures/registries/admin_units_ge_telavi.csv).
 * Returnees reported under each code (fixtures/registries/telavi_returnees_2016-2019.csv):
 * T1 TEL-C F returned 2016-05-10, served (TS-1 2016-06-01); T2 TEL-M M 2017-03-01, served (TS-2 2018-02-01);
 * T6 TEL-M M 2017-06-01, not served; T3 TEL F 2018-04-01, not served; T4 TEL M 2019-06-01, served (TS-3);
 * T5 registered under TEL-C on 2018-01-10, after the merge: unknown_unit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HierarchyOverTimeIT {

    private final MizanCli cli = MizanCli.inTempHome("history");
    private MizanCli.Result people;

    @BeforeAll
    void load() {
        cli.load("load-gazetteer", "registries/admin_units_ge.csv");
        cli.load("load-gazetteer", "registries/admin_units_ge_telavi.csv");
        people = cli.load("ingest-registries", "registries/telavi_returnees_2016-2019.csv");
        cli.load("ingest-registries", "registries/telavi_services_2016-2019.csv");
    }

    @Test
    void theGazetteerKeepsValidityAliasesAndSuccessors() {
        assertThat(cli.query("select unit_code, valid_to::varchar, successors, aliases from admin_unit_history"
                                + " where unit_code like 'GE-KA-TEL%' order by unit_code")
                        .toString())
                .isEqualTo(
                        "[[GE-KA-TEL, null, null, თელავი|Телави], [GE-KA-TEL-C, 2017-10-20, GE-KA-TEL:1, ქალაქი თელავი|город Телави],"
                                + " [GE-KA-TEL-M, 2017-10-20, GE-KA-TEL:1, თელავის მუნიციპალიტეტი]]");
        assertThat(cli.query("select old_code, new_code, share from unit_successors order by old_code")
                        .toString())
                .isEqualTo("[[GE-KA-TEL-C, GE-KA-TEL, 1.000000], [GE-KA-TEL-M, GE-KA-TEL, 1.000000]]");
    }

    @Test
    void factsKeepTheCodeTheyWereReportedUnder() {
        assertThat(people.out())
                .contains("6 lines read: 5 people stored, 1 rejected")
                .contains("rejected by rule: unknown_unit 1");
        assertThat(cli.query("select home_unit_code, count(*) from returnees group by all order by all")
                        .toString())
                .isEqualTo("[[GE-KA-TEL, 2], [GE-KA-TEL-C, 1], [GE-KA-TEL-M, 2]]");
    }

    @Test
    void theSameFactsOnTheOldAndTheNewBoundaries() {
        // as reported (and on the boundaries of a day before the merge, when the old units were valid)
        String asReported = "[[GE-KA-TEL, 2018, all, 1, 0, 0.0], [GE-KA-TEL, 2019, all, 1, 1, 100.0],"
                + " [GE-KA-TEL-C, 2016, all, 1, 1, 100.0], [GE-KA-TEL-M, 2017, all, 2, 1, 50.0]]";
        assertThat(cli.query(
                                "select unit_code, period, sex, returnees, returnees_served, coverage_pct from reintegration_coverage"
                                        + " where level = 3 and sex = 'all' order by unit_code, period")
                        .toString())
                .isEqualTo(asReported);
        assertThat(cli.query(
                                "select unit_code, period, sex, returnees::int, returnees_served::int, coverage_pct"
                                        + " from reintegration_coverage_on(DATE '2017-01-01') where level = 3 and sex = 'all' order by unit_code, period")
                        .toString())
                .isEqualTo(asReported);
        // on today's boundaries: the old units' returnees count in Telavi Municipality, year by year
        assertThat(cli.query(
                                "select unit_code, period, sex, returnees::int, returnees_served::int, coverage_pct"
                                        + " from reintegration_coverage_on(DATE '2024-01-01') where level = 3 and sex = 'all' order by unit_code, period")
                        .toString())
                .isEqualTo(
                        "[[GE-KA-TEL, 2016, all, 1, 1, 100.0], [GE-KA-TEL, 2017, all, 2, 1, 50.0], [GE-KA-TEL, 2018, all, 1, 0, 0.0],"
                                + " [GE-KA-TEL, 2019, all, 1, 1, 100.0]]");
        // by sex on the new boundaries, all years: F = T1 (served) + T3; M = T2 (served) + T6 + T4 (served)
        assertThat(cli.query(
                                "select sex, sum(returnees)::int, sum(returnees_served)::int from reintegration_coverage_on(DATE '2024-01-01')"
                                        + " where unit_code = 'GE-KA-TEL' group by sex order by sex")
                        .toString())
                .isEqualTo("[[F, 2, 1], [M, 3, 2], [all, 5, 3]]");
        // the region is the same whatever the boundaries
        assertThat(cli.query("select period, returnees::int from reintegration_coverage_on(DATE '2024-01-01')"
                                + " where unit_code = 'GE-KA' and sex = 'all' order by period")
                        .toString())
                .isEqualTo(cli.query(
                                "select period, returnees from reintegration_coverage where unit_code = 'GE-KA' and sex = 'all' order by period")
                        .toString());
    }

    @Test
    void aSplitUnitSharesItsFactsByWeight() throws Exception {
        MizanCli split = MizanCli.inTempHome("history-split");
        Path dir = MizanCli.tempDir("split");
        Path units = dir.resolve("split_units.csv");
        Files.writeString(
                units,
                "unit_code,name,level,parent_code,country,valid_from,valid_to,aliases,successors\n"
                        + "GE,Georgia,0,,GE,1995-08-24,,,\n"
                        + "GE-X,Old District,3,GE,GE,2000-01-01,2019-12-31,,GE-X1:0.6;GE-X2:0.4\n"
                        + "GE-X1,North District,3,GE,GE,2020-01-01,,,\n"
                        + "GE-X2,South District,3,GE,GE,2020-01-01,,,\n");
        split.run("run", "load-gazetteer", "file=" + units);
        Path ppl = dir.resolve("split_returnees.csv");
        Files.writeString(
                ppl,
                "record_id,registry,national_id,sex,birth_year,home_unit_code,returned_on,registered_on\n"
                        + "1,returnee,X1,F,1980,GE-X,2018-01-01,2018-01-02\n"
                        + "2,returnee,X2,M,1980,GE-X,2019-01-01,2019-01-02\n");
        assertThat(split.run("run", "ingest-registries", "file=" + ppl).code()).isZero();
        // two returnees of the old district: 60 % of them in the north, 40 % in the south
        assertThat(split.query("select unit_code, sum(returnees) from reintegration_coverage_on(DATE '2024-01-01')"
                                + " where sex = 'all' and level = 3 group by unit_code order by unit_code")
                        .toString())
                .isEqualTo("[[GE-X1, 1.20], [GE-X2, 0.80]]");
    }

    @Test
    void aPlaceNameInALocalScriptResolvesThroughTheAliases() throws Exception {
        cli.load("load-fx-rates", "registries/fx_rates_gel.csv");
        Path feed = MizanCli.tempDir("alias").resolve("mto-017_2024-03_telavi.csv");
        Files.writeString(
                feed,
                "txn_id,provider_id,sent_at,sender_country,receiving_locality,amount,currency,fee,fx_margin_pct,channel\n"
                        + "K-1,MTO-017,2024-03-18T10:00:00+03:00,GR,თელავი,265.00,GEL,2.00,,mto\n"
                        + "K-2,MTO-017,2024-03-18T11:00:00+03:00,RU,Телави,530.00,GEL,2.00,,mto\n"
                        + "K-3,MTO-017,2024-03-18T12:00:00+03:00,RU,город Телави,10.00,GEL,1.00,,mto\n");
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + feed);
        // "город Телави" is Telavi City, which ended in 2017: not a place a 2024 transfer can be paid out in
        assertThat(r.out())
                .contains("3 lines read: 2 transactions stored, 1 rejected")
                .contains("unresolved_locality 1");
        assertThat(cli.query("select receiving_unit_code, amount_usd from remittance_transactions order by txn_id")
                        .toString())
                .isEqualTo("[[GE-KA-TEL, 100.3788], [GE-KA-TEL, 200.7576]]");
    }
}
