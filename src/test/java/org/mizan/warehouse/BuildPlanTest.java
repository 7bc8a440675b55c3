package org.mizan.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildPlanTest {

    private final BuildPlan plan = BuildPlan.load();

    private List<String> run(String... changed) {
        return plan.toRun(Set.of(changed)).stream()
                .map(BuildPlan.Step::target)
                .distinct()
                .toList();
    }

    @Test
    void aLedgerLoadLeavesTheRemittanceTablesAsTheyAre() {
        List<String> run = run("projects", "project_sectors", "project_places", "funding_entries");
        assertThat(run).contains("stg_projects", "dim_projects", "fct_funding_entries", "int_approval_status");
        assertThat(run)
                .doesNotContain(
                        "stg_remittance_transactions",
                        "fct_remittance_transactions",
                        "mart_remittance_inflows",
                        "dim_admin_units",
                        "dim_fx_rates");
    }

    @Test
    void nothingChangedRunsOnlyWhatUsesTheDayOfTheBuild() {
        // the date-range quality flags compare with current_date: they (and what reads them) always run, as does the
        // choice of the months whose transactions they read (int_quality_records)
        List<String> run = run();
        assertThat(run).doesNotContain("fct_remittance_transactions", "dim_projects", "dim_admin_units");
        assertThat(plan.steps().stream().filter(BuildPlan.Step::volatileDay).map(BuildPlan.Step::target))
                .containsExactly("int_quality_records", "int_quality_candidates");
    }

    @Test
    void definitionsNeverRunAndTheirRenamedNamesAreUsedBeforeTheRename() {
        assertThat(plan.toRun(Set.of("admin_units"))).noneMatch(s -> s.kind() == BuildPlan.Kind.DEFINITION);
        BuildPlan.Step status = plan.steps().stream()
                .filter(s -> s.target().equals("int_approval_status"))
                .findFirst()
                .orElseThrow();
        assertThat(status.incrementalSql())
                .contains("from int_remittance_inflows_all")
                .doesNotContain("from remittance_inflows\n");
    }

    @Test
    void renamesOnlyIdentifiersOutsideStrings() {
        assertThat(BuildPlan.renameOutsideStrings(
                        "select 'remittance_inflows', x.remittance_inflows from remittance_inflows",
                        "remittance_inflows",
                        "int_remittance_inflows_all"))
                .isEqualTo("select 'remittance_inflows', x.remittance_inflows from int_remittance_inflows_all");
    }

    private static final List<String> LEDGER_TABLES = List.of(
            "dim_projects",
            "fct_funding_entries",
            "int_funding_entries",
            "int_quality_excluded_entries",
            "dim_project_sectors",
            "int_project_sector_shares",
            "int_project_place_shares",
            "int_project_funding");

    @Test
    void aLedgerLoadUpdatesTheLedgerTablesByProject() {
        assertThat(LakeIndex.KEYED)
                .containsExactlyInAnyOrder("projects", "project_sectors", "project_places", "funding_entries");
        // an IATI file (all four datasets) and a ledger file (funding entries only) alike
        assertThat(plan.byProject(
                        Set.of("projects", "project_sectors", "project_places", "funding_entries"), LakeIndex.KEYED))
                .containsExactlyElementsOf(LEDGER_TABLES);
        assertThat(plan.byProject(Set.of("funding_entries"), LakeIndex.KEYED)).containsExactlyElementsOf(LEDGER_TABLES);
        // what reads them is built whole, as before
        assertThat(run("funding_entries")).contains("mart_project_funding_totals", "mart_coherence_scorecard");
    }

    @Test
    void anyOtherChangeBuildsTheDirtyTablesWhole() {
        // new FX rates change every entry's USD value: not a change of some projects
        assertThat(plan.byProject(Set.of("funding_entries", "fx_rates"), LakeIndex.KEYED))
                .isNull();
        assertThat(plan.byProject(Set.of("remittance_transactions"), LakeIndex.KEYED))
                .isNull();
        assertThat(plan.byProject(Set.of(), LakeIndex.KEYED)).isNull();
        // a table that runs and reads a keyed dataset but is not marked by project stops it (were plan allocations
        // keyed, int_plan_allocations would read only the touched projects' rows)
        Set<String> keyed = Set.of("funding_entries", "plan_allocations");
        assertThat(plan.byProject(Set.of("funding_entries", "plan_allocations"), keyed))
                .isNull();
        assertThat(plan.byProject(Set.of("funding_entries"), keyed)).containsExactlyElementsOf(LEDGER_TABLES);
    }

    @Test
    void aRemittanceLoadUpdatesTheRemittanceTablesByPeriod() {
        assertThat(LakeIndex.BY_MONTH).containsExactly("remittance_transactions");
        assertThat(plan.byPeriod(Set.of("remittance_transactions"), LakeIndex.BY_MONTH))
                .containsExactly(
                        "fct_remittance_transactions",
                        "dim_fx_daily",
                        "int_quality_excluded_transactions",
                        "int_remittance_unit_month",
                        "mart_remittance_inflows",
                        "mart_unit_corridor_cost",
                        "int_remittance_cost_month",
                        "mart_remittance_cost",
                        "int_remittance_sources",
                        "int_remittance_unconverted",
                        "int_remittance_month_dates");
        // what reads them is built whole, as before
        assertThat(run("remittance_transactions")).contains("int_municipal_year", "int_approval_data");
        // new FX rates, or corridor aggregates beside the transactions: every dirty table whole
        assertThat(plan.byPeriod(Set.of("remittance_transactions", "fx_rates"), LakeIndex.BY_MONTH))
                .isNull();
        assertThat(plan.byPeriod(Set.of("remittance_transactions", "corridor_aggregates"), LakeIndex.BY_MONTH))
                .isNull();
        assertThat(plan.byPeriod(Set.of("funding_entries"), LakeIndex.BY_MONTH)).isNull();
    }
}
