package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.warehouse.Contracts;

/**
 * The coherence views on a small world built by hand (fixtures/world): two regions, five municipalities, two
 * years, every source. Every value below was worked out on paper from the fixture files; the arithmetic is in the
 * comments. Amounts are in US dollars, so no rate stands between the files and the numbers.
 *
 * <pre>
 * East Region NP-P1 / Hill District NP-P1-D1: Asha M1, Bhanu M2, Chandra M3
 * West Region NP-P2 / Plain District NP-P2-D1: Dipa M1, Ekta M2
 * remittances 2024-03: Asha 1000 + 1000 (mto, 2 %), Bhanu 800 (cash_agent, 4 %), Dipa 500, Ekta 700 (mto, 2 %); none in 2023
 * ledger 2024 commitments: Asha P-A 31140 local 1x1 diaspora 400 + municipality 400; Bhanu P-B 11120 local 300,
 *   P-H 11250 national 500; Chandra P-C 25010 local 200; Dipa P-D 31140 national 1000, P-E 31140 local 200;
 *   Ekta P-F 12220 local, municipality 300 + ministry 300; P-G 11120 local 85/15 diaspora 100 + donor 900
 * plan 2024: East 31140 6000, 11120 3000, 12220 1000; West 31140 5000, 12220 5000
 * registries: migrants abroad Chandra 3, Asha 1, Bhanu 1 (2023); returnees 2024 Asha 2 (1 served), Bhanu 1 (0), Dipa 2 (1)
 * central bank 2024-03: East 3080.00, West 1224.00
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldenWorldIT {

    private final MizanCli cli = MizanCli.goldenWorld("golden-world");

    private String csv(String sql) {
        MizanCli.Result r = cli.run("query", sql, "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void remittancesAgainstDiasporaInvestment() {
        // 2023: no provider reported for Nepal and no ledger covers it: not reported (null), not zero.
        // 2024: capture = 100 × diaspora / remittances: Asha 400/2000 = 20; Bhanu 0/800 = 0 (money, no project:
        // flagged); Chandra received nothing and its ledger has no diaspora money: 0 and 0, capture not applicable;
        // Dipa 0/500 flagged; Ekta 100/700 = 14.29; the district and East 400/2800 = 14.29; West 100/1200 = 8.33;
        // Nepal 500/4000 = 12.5. Every municipality reported both sources in 2024: coverage 100.
        assertThat(
                        csv(
                                "select * exclude (approval_status, excluded_records, excluded_usd) from remittance_investment_match order by period, level, unit_code"))
                .isEqualTo("""
                unit_code,level,period,remittance_usd,diaspora_contribution_usd,capture_pct,flag,status,coverage_pct
                NP,0,2023,,,,,not_reported,0.0
                NP-P1,1,2023,,,,,not_reported,0.0
                NP-P2,1,2023,,,,,not_reported,0.0
                NP-P1-D1,2,2023,,,,,not_reported,0.0
                NP-P2-D1,2,2023,,,,,not_reported,0.0
                NP-P1-D1-M1,3,2023,,,,,not_reported,0.0
                NP-P1-D1-M2,3,2023,,,,,not_reported,0.0
                NP-P1-D1-M3,3,2023,,,,,not_reported,0.0
                NP-P2-D1-M1,3,2023,,,,,not_reported,0.0
                NP-P2-D1-M2,3,2023,,,,,not_reported,0.0
                NP,0,2024,4000.00,500.00,12.5,,reported,100.0
                NP-P1,1,2024,2800.00,400.00,14.29,,reported,100.0
                NP-P2,1,2024,1200.00,100.00,8.33,,reported,100.0
                NP-P1-D1,2,2024,2800.00,400.00,14.29,,reported,100.0
                NP-P2-D1,2,2024,1200.00,100.00,8.33,,reported,100.0
                NP-P1-D1-M1,3,2024,2000.00,400.00,20.0,,reported,100.0
                NP-P1-D1-M2,3,2024,800.00,0.00,0.0,uncaptured_inflow,reported,100.0
                NP-P1-D1-M3,3,2024,0.00,0.00,,,not_applicable,100.0
                NP-P2-D1-M1,3,2024,500.00,0.00,0.0,uncaptured_inflow,reported,100.0
                NP-P2-D1-M2,3,2024,700.00,100.00,14.29,,reported,100.0
                """);
    }

    @Test
    void sectorAlignment() {
        // score = 1 - ½ Σ|local share - plan share|. East plan: 31140 .6, 11120 .3, 12220 .1.
        // Asha: local 31140 1.0 → ½(.4 + .3 + .1) = .4 → .6. Bhanu: 11120 1.0 → ½(.6 + .7 + .1) = .7 → .3.
        // Chandra: 25010, not in the plan → ½(1 + 1) = 1 → 0. District and East: 31140 800, 11120 300, 25010 200 of
        // 1300 → ½(|.615385-.6| + |.230769-.3| + .1 + .153846) = .169231 → .8308.
        // West plan: 31140 .5, 12220 .5. Dipa: 31140 1.0 → .5. Ekta: 12220 600, 11120 1000 of 1600 →
        // ½(.5 + |.375-.5| + .625) = .625 → .375. District and West: 31140 200, 12220 600, 11120 1000 of 1800 →
        // ½(|.1111-.5| + |.3333-.5| + .5556) = .5556 → .4444.
        // Nepal: 31140 1000, 11120 1300, 12220 600, 25010 200 of 3100 against 31140 .55, 11120 .15, 12220 .30 →
        // ½(.227419 + .269355 + .106452 + .064516) = .333871 → .6661. Ties of the plan's top sector go to the lowest
        // code.
        assertThat(
                        csv(
                                "select * exclude (approval_status, excluded_records, excluded_usd) from sector_alignment order by fiscal_year, level, unit_code"))
                .isEqualTo("""
                unit_code,level,fiscal_year,alignment_score,top_local_sector,top_national_sector,status,coverage_pct
                NP,0,2024,0.6661,11120,31140,reported,100.0
                NP-P1,1,2024,0.8308,31140,31140,reported,100.0
                NP-P2,1,2024,0.4444,11120,12220,reported,100.0
                NP-P1-D1,2,2024,0.8308,31140,31140,reported,100.0
                NP-P2-D1,2,2024,0.4444,11120,12220,reported,100.0
                NP-P1-D1-M1,3,2024,0.6000,31140,31140,reported,100.0
                NP-P1-D1-M2,3,2024,0.3000,11120,31140,reported,100.0
                NP-P1-D1-M3,3,2024,0.0000,25010,31140,reported,100.0
                NP-P2-D1-M1,3,2024,0.5000,31140,12220,reported,100.0
                NP-P2-D1-M2,3,2024,0.3750,11120,12220,reported,100.0
                """);
    }

    @Test
    void programmeComplementarityHasEveryCategory() {
        // Dipa 31140: a national programme (P-D) and a separate local project (P-E): duplication risk, up to Nepal.
        // Ekta 12220: one local project co-funded by the ministry (P-F): complementary. Bhanu 11250: national only.
        // Chandra has the most migrants abroad (3; the others 1, 1, 0, 0: the top quartile is Chandra alone) and
        // none of East's planned sectors 11120, 12220, 31140: three gaps.
        assertThat(
                        csv(
                                "select * exclude (approval_status) from programme_complementarity order by level, unit_code, sector_code"))
                .isEqualTo("""
                unit_code,level,sector_code,period,national_present,local_present,category
                NP,0,11120,2024,false,true,local_only
                NP,0,11250,2024,true,false,national_only
                NP,0,12220,2024,true,true,complementary
                NP,0,25010,2024,false,true,local_only
                NP,0,31140,2024,true,true,duplication_risk
                NP-P1,1,11120,2024,false,true,local_only
                NP-P1,1,11250,2024,true,false,national_only
                NP-P1,1,25010,2024,false,true,local_only
                NP-P1,1,31140,2024,false,true,local_only
                NP-P2,1,11120,2024,false,true,local_only
                NP-P2,1,12220,2024,true,true,complementary
                NP-P2,1,31140,2024,true,true,duplication_risk
                NP-P1-D1,2,11120,2024,false,true,local_only
                NP-P1-D1,2,11250,2024,true,false,national_only
                NP-P1-D1,2,25010,2024,false,true,local_only
                NP-P1-D1,2,31140,2024,false,true,local_only
                NP-P2-D1,2,11120,2024,false,true,local_only
                NP-P2-D1,2,12220,2024,true,true,complementary
                NP-P2-D1,2,31140,2024,true,true,duplication_risk
                NP-P1-D1-M1,3,31140,2024,false,true,local_only
                NP-P1-D1-M2,3,11120,2024,false,true,local_only
                NP-P1-D1-M2,3,11250,2024,true,false,national_only
                NP-P1-D1-M3,3,11120,2024,false,false,gap
                NP-P1-D1-M3,3,12220,2024,false,false,gap
                NP-P1-D1-M3,3,25010,2024,false,true,local_only
                NP-P1-D1-M3,3,31140,2024,false,false,gap
                NP-P2-D1-M1,3,31140,2024,true,true,duplication_risk
                NP-P2-D1-M2,3,11120,2024,false,true,local_only
                NP-P2-D1-M2,3,12220,2024,true,true,complementary
                """);
    }

    @Test
    void levelReconciliationFlagsTheDiscrepancyBeyondTheTolerance() {
        // East: 100 × (3080 - 2800) / 3080 = 9.09 > 5: flagged. West: 100 × (1224 - 1200) / 1224 = 1.96: within.
        assertThat(csv("select * exclude (approval_status) from level_reconciliation order by unit_code"))
                .isEqualTo("""
                indicator,unit_code,level,period,reported_value,sum_of_children,discrepancy_pct,is_flagged
                remittance_inflow_usd,NP-P1,1,2024-03,3080.00,2800.00,9.09,true
                remittance_inflow_usd,NP-P2,1,2024-03,1224.00,1200.00,1.96,false
                """);
    }

    @Test
    void theScorecardRanksAndExplains() {
        // Components in [0, 1], each on the unit's own evidence; own_score is 100 × their mean when there are at least
        // 2; a unit whose units one level down have scores takes their mean (warehouse/README.md, "The scorecard's
        // score").
        // cost: the share of the unit's own transactions through corridors (sending countries) whose mean cost into the
        // unit is at most 3 %: Asha's QA at 2 % → 1; Bhanu's one QA transaction at 4 % → 0, its costly corridor; East's
        // QA
        // at 2, 2 and 4 % → 2.6667 → 1, not costly (as the unit-cost tile says: 0 corridors above 3 %).
        // Asha: capture 1, alignment .6, reintegration .5, matching 1 (1x1 held), cost 1 → 4.1 / 5 = 82.0
        // Bhanu: 0, .3, 0 (0 of 1 served), cost 0 → .3 / 4 = 7.5
        // Chandra: alignment 0 only (no transactions, no returnees, capture not applicable): 1 component, insufficient
        // evidence
        // Dipa: 0, .5, .5, 1 → 50.0.   Ekta: 1, .375, matching 0 (85/15 broken), 1 → 2.375 / 4 = 59.4
        // Hill District: the mean of Asha 82.0 and Bhanu 7.5 = 44.8 (Chandra has no score); East: Hill's 44.8
        // Plain District: the mean of 50.0 and 59.4 = 54.7; West: 54.7.   Nepal: the mean of 44.8 and 54.7 = 49.8
        // 2023: nothing reported: no score, no rank.
        assertThat(
                        csv(
                                "select unit_code, period, score, rank_in_parent, flags from coherence_scorecard order by period, level, unit_code"))
                .isEqualTo("""
                unit_code,period,score,rank_in_parent,flags
                NP,2023,,,
                NP-P1,2023,,,
                NP-P2,2023,,,
                NP-P1-D1,2023,,,
                NP-P2-D1,2023,,,
                NP-P1-D1-M1,2023,,,
                NP-P1-D1-M2,2023,,,
                NP-P1-D1-M3,2023,,,
                NP-P2-D1-M1,2023,,,
                NP-P2-D1-M2,2023,,,
                NP,2024,49.8,1,"low_reintegration, matching_rule_broken"
                NP-P1,2024,44.8,2,"low_reintegration, reconciliation_gap"
                NP-P2,2024,54.7,1,"low_alignment, matching_rule_broken"
                NP-P1-D1,2024,44.8,1,low_reintegration
                NP-P2-D1,2024,54.7,1,"low_alignment, matching_rule_broken"
                NP-P1-D1-M1,2024,82.0,1,
                NP-P1-D1-M2,2024,7.5,2,"uncaptured_inflow, low_alignment, low_reintegration, costly_corridor"
                NP-P1-D1-M3,2024,,,low_alignment
                NP-P2-D1-M1,2024,50.0,2,uncaptured_inflow
                NP-P2-D1-M2,2024,59.4,1,"low_alignment, matching_rule_broken"
                """);
        // how each score was reached: a unit with and without a costly corridor of its own (Bhanu, Asha), a parent and
        // its children (Hill District), a unit with too few components (Chandra)
        assertThat(
                        csv(
                                "select unit_code, own_score, score, basis from coherence_scorecard where period = '2024' order by level, unit_code"))
                .isEqualTo("""
                unit_code,own_score,score,basis
                NP,71.3,49.8,"mean of the units below: NP-P1 44.8, NP-P2 54.7"
                NP-P1,84.5,44.8,mean of the units below: NP-P1-D1 44.8
                NP-P2,63.0,54.7,mean of the units below: NP-P2-D1 54.7
                NP-P1-D1,83.3,44.8,"mean of the units below: NP-P1-D1-M1 82.0, NP-P1-D1-M2 7.5"
                NP-P2-D1,55.5,54.7,"mean of the units below: NP-P2-D1-M1 50.0, NP-P2-D1-M2 59.4"
                NP-P1-D1-M1,82.0,82.0,own components (5)
                NP-P1-D1-M2,7.5,7.5,own components (4)
                NP-P1-D1-M3,,,"insufficient evidence: 1 component, at least 2 needed"
                NP-P2-D1-M1,50.0,50.0,own components (4)
                NP-P2-D1-M2,59.4,59.4,own components (4)
                """);
        assertThat(cli.value(
                        "select reasons from coherence_scorecard where unit_code = 'NP-P1-D1-M2' and period = '2024'"))
                .isEqualTo(
                        "remittance_investment_match: 800.00 USD of remittances arrived and no diaspora contribution to a local project was recorded; "
                                + "sector_alignment: score 0.3000 (local top sector 11120, national top sector 31140); "
                                + "reintegration_coverage: 0 of 1 returnees served (0.0 %); "
                                + "remittance_cost: corridors into NP-P1-D1-M2 above the SDG target of 3 %: QA 4.0 % (1 transaction)");
        // how many components each score rests on, and the share of municipalities with any source that year: in 2023
        // only the registries reported, for Asha, Bhanu and Chandra (migrants registered then): East 3 of 3, West 0 of
        // 2,
        // Nepal 3 of 5
        assertThat(
                        csv(
                                "select unit_code, period, components, coverage_pct from coherence_scorecard order by period, level, unit_code"))
                .isEqualTo("""
                unit_code,period,components,coverage_pct
                NP,2023,0,60.0
                NP-P1,2023,0,100.0
                NP-P2,2023,0,0.0
                NP-P1-D1,2023,0,100.0
                NP-P2-D1,2023,0,0.0
                NP-P1-D1-M1,2023,0,100.0
                NP-P1-D1-M2,2023,0,100.0
                NP-P1-D1-M3,2023,0,100.0
                NP-P2-D1-M1,2023,0,0.0
                NP-P2-D1-M2,2023,0,0.0
                NP,2024,5,100.0
                NP-P1,2024,6,100.0
                NP-P2,2024,6,100.0
                NP-P1-D1,2024,5,100.0
                NP-P2-D1,2024,5,100.0
                NP-P1-D1-M1,2024,5,100.0
                NP-P1-D1-M2,2024,4,100.0
                NP-P1-D1-M3,2024,1,100.0
                NP-P2-D1-M1,2024,4,100.0
                NP-P2-D1-M2,2024,4,100.0
                """);
        assertThat(cli.value("select reasons from coherence_scorecard where unit_code = 'NP-P1' and period = '2024'"))
                .isEqualTo(
                        "reintegration_coverage: 1 of 3 returnees served (33.3 %); "
                                + "level_reconciliation: the central bank reported 3080.00 USD for 2024-03, transactions sum 2800.00 (9.09 % apart)");
    }

    @Test
    void aScorecardRowDrillsToItsSourceRecords() {
        // Asha 2024: its two transactions, the two commitments of P-A, its two returnees, the service, East's plan
        // lines
        MizanCli.Result r =
                cli.run("query", "scorecard-sources", "--unit", "NP-P1-D1-M1", "--period", "2024", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().map(l -> l.startsWith("registry_people") ? l.substring(0, l.lastIndexOf(' ')) : l))
                .containsExactly(
                        "dataset,partition_period,source_id,source_file,source_line,record",
                        "funding_entries,2024-04,NP-P1-D1-M1,ledger_2024.csv,2,P-A/E1",
                        "funding_entries,2024-04,NP-P1-D1-M1,ledger_2024.csv,3,P-A/E2",
                        "plan_allocations,2024,WORLD-PLAN,,,WORLD-PLAN 11120",
                        "plan_allocations,2024,WORLD-PLAN,,,WORLD-PLAN 12220",
                        "plan_allocations,2024,WORLD-PLAN,,,WORLD-PLAN 31140",
                        "registry_people,2024,NP-P1-D1-M1,people.csv,7,returnee",
                        "registry_people,2024,NP-P1-D1-M1,people.csv,8,returnee",
                        "remittance_transactions,2024-03,WMT-001,remittances_2024-03.csv,2,WMT-001/W-1",
                        "remittance_transactions,2024-03,WMT-001,remittances_2024-03.csv,3,WMT-001/W-2",
                        "service_deliveries,2024,NP-P1-D1-M1,services.csv,2,S-1");
        // and the scorecard query ranks within each parent
        assertThat(cli.run("query", "scorecard", "--unit", "NP-P1-D1", "--period", "2024", "--format", "csv")
                        .out()
                        .lines()
                        .skip(1)
                        .map(l -> l.split(",")[0]))
                .containsExactly("NP-P1-D1", "NP-P1-D1-M1", "NP-P1-D1-M2", "NP-P1-D1-M3");
    }

    @Test
    void theWorldKeepsEveryContract() throws Exception {
        assertThat(Contracts.check(cli.home().resolve("warehouse/mizan.duckdb").toRealPath()))
                .isEmpty();
    }
}
