package org.mizan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.MizanCli;

/**
 * The panels of {@code dashboards/} against a warehouse built from the fixtures: each resolves to a public view or
 * a named query with the fields it names; the pages' figures are the fixtures' (expected.json); a regional scope
 * never reaches another region's rows; {@code mizan dashboard --out} writes the same pages as files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPanelsIT {

    private MizanCli cli;
    private PanelData data;
    private final List<Panel> panels = Panels.fromDirectory(Path.of("dashboards"));

    @BeforeAll
    void warehouse() {
        cli = DashboardFixture.loaded();
        data = new PanelData(cli.home().resolve("warehouse/mizan.duckdb"));
    }

    @Test
    void everyPanelResolvesToAViewOrNamedQueryWithItsFields() {
        assertThat(panels).extracting(Panel::id).contains("inflows", "transactions", "cost-named", "admin-units");
        for (Panel p : panels) {
            assertThat(Catalogue.problems(p, data)).as(p.id()).isEmpty();
        }
        // the packaged panels are the checkout's
        assertThat(Panels.packaged())
                .extracting(Panel::id)
                .containsExactlyElementsOf(panels.stream().map(Panel::id).toList());
        MizanCli.Result check = cli.run("dashboard", "--check");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out())
                .contains("ok       inflows (view remittance_inflows)")
                .doesNotContain("PROBLEM");
    }

    @Test
    void aPanelNamingAMissingViewOrColumnIsReported() {
        Panel wrongColumn = Panel.fromYaml(
                "broken",
                Map.of("title", "t", "view", "remittance_inflows", "fields", List.of("unit_code", "amount_eur")));
        assertThat(Catalogue.problems(wrongColumn, data))
                .containsExactly("dashboards/broken.yml: view remittance_inflows has no column"
                        + " 'amount_eur' (it has [unit_code, level, period, amount_usd, txn_count, approval_status])");
        Panel privateTable = Panel.fromYaml(
                "broken", Map.of("title", "t", "view", "dim_unit_ancestors", "fields", List.of("unit_code")));
        assertThat(Catalogue.problems(privateTable, data).get(0))
                .startsWith("dashboards/broken.yml: view 'dim_unit_ancestors' is not a public view");
        Panel unknownQuery =
                Panel.fromYaml("broken", Map.of("title", "t", "query", "scorecards", "fields", List.of("x")));
        assertThat(Catalogue.problems(unknownQuery, data).get(0))
                .startsWith("dashboards/broken.yml: no named query 'scorecards'");
        assertThatThrownBy(() -> Panel.fromYaml(
                        "broken",
                        Map.of("title", "t", "view", "remittance_inflows; drop table x", "fields", List.of("x"))))
                .hasMessageContaining("is not a column or view name");
        assertThatThrownBy(() -> data.rows(wrongColumn, Scope.national("t"), null, null, 10))
                .hasMessageContaining("no column 'amount_eur'");
    }

    @Test
    void headlineAndRankingAreTheFixturesFigures() {
        // given the national scope and March 2024
        Scope national = Scope.national("planner");
        Panel inflows = Panels.byId(panels, "inflows");
        // then each country's headline is its inflow, and the regions are ranked by their inflow
        Figures figures = new Figures(data);
        for (String country : List.of("NP", "TJ")) {
            var h = figures.headline(inflows, national, country, "2024-03");
            assertThat(h)
                    .extracting(f -> Csv.text(f.value()))
                    .containsExactly(DashboardFixture.inflow(country, "2024-03"));
        }
        var ranked = figures.ranked(inflows, national, null, "2024-03").rows();
        assertThat(ranked)
                .extracting(r -> (String) r.get(0))
                .containsExactlyInAnyOrder("NP-P1", "NP-P3", "TJ-SU", "TJ-KT");
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(new java.math.BigDecimal(Csv.text(ranked.get(i - 1).get(3))))
                    .isGreaterThanOrEqualTo(
                            new java.math.BigDecimal(Csv.text(ranked.get(i).get(3))));
        }
        for (var r : ranked) {
            assertThat(Csv.text(r.get(3)))
                    .as(r.get(0).toString())
                    .isEqualTo(DashboardFixture.inflow((String) r.get(0), "2024-03")[0]);
        }
    }

    @Test
    void aRegionalScopeSeesItsRegionOnly() {
        Scope koshi = Scope.regional("koshi", "NP-P1");
        Panel inflows = Panels.byId(panels, "inflows");
        // its own region's rows, all of them, and nothing else
        var rows = data.rows(inflows, koshi, null, null, -1).rows();
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(r -> assertThat((String) r.get(0)).startsWith("NP-P1"));
        assertThat(Csv.of(data.rows(inflows, koshi, null, null, -1))
                        .lines()
                        .skip(1)
                        .toList())
                .containsExactlyInAnyOrderElementsOf(DashboardFixture.inflowLines("NP-P1"));
        // another region, the country above it, a panel not divided by unit: refused
        assertThatThrownBy(() -> data.rows(inflows, koshi, "NP-P3", null, -1)).isInstanceOf(Scope.Forbidden.class);
        assertThatThrownBy(() -> data.rows(inflows, koshi, "NP", null, -1)).isInstanceOf(Scope.Forbidden.class);
        assertThatThrownBy(() -> data.rows(Panels.byId(panels, "remittance-cost"), koshi, null, null, -1))
                .isInstanceOf(Scope.Forbidden.class);
        Pages pages = new Pages(data, panels, Links.LIVE);
        assertThatThrownBy(() -> pages.unit(koshi, "TJ-SU", null)).isInstanceOf(Scope.Forbidden.class);
        assertThatThrownBy(() -> pages.csv(koshi, "transactions", "NP-P3-KTM", null))
                .isInstanceOf(Scope.Forbidden.class);
        // a value that looks like SQL is a value: no unit has that code
        assertThat(data.rows(inflows, Scope.national("p"), "NP' or 1=1 --", null, -1)
                        .rows())
                .isEmpty();
        // its overview is its region's page, with the country above it named but not linked
        String overview = pages.overview(koshi, "2024-03");
        assertThat(overview)
                .contains("<span class=\"here\">Koshi")
                .doesNotContain("href=\"/unit/NP?")
                .doesNotContain("TJ-SU")
                .doesNotContain("NP-P3");
    }

    @Test
    void aNamedQueryPanelBindsThePagePeriodToItsParameter() {
        Panel cost = Panels.byId(panels, "cost-named");
        var q1 = data.rows(cost, Scope.national("p"), null, "2024-Q1", -1).rows();
        assertThat(q1).isNotEmpty().allSatisfy(r -> assertThat(r.get(0)).isEqualTo("2024-Q1"));
        assertThat(q1)
                .hasSize(Integer.parseInt(cli.value("select count(*) from remittance_cost where quarter = '2024-Q1'")));
    }

    @Test
    void aRaisedFlagShowsItsReasonBesideIt() {
        String page = new Pages(data, panels, Links.LIVE).panel(Scope.national("p"), "remittance-cost", null, null);
        long above3 = Long.parseLong(cli.value("select count(*) from remittance_cost where is_above_3pct"));
        long above5 = Long.parseLong(cli.value("select count(*) from remittance_cost where is_above_5pct"));
        assertThat(above3).isPositive();
        assertThat(page.split("<span class=\"reason\">above the SDG 10.c target of 3 %</span>", -1))
                .hasSize((int) above3 + 1);
        assertThat(page.split("<span class=\"reason\">above 5 %, the SDG 10.c ceiling for any corridor</span>", -1))
                .hasSize((int) above5 + 1);
    }

    @Test
    void staticFolderHoldsThePagesWithRelativeLinksAndECharts() throws Exception {
        Path out = MizanCli.tempDir("dashboard-out-");
        MizanCli.Result r = cli.run("dashboard", "--out", out.toString(), "--period", "2024-03");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("open " + out.resolve("index.html"));
        String index = Files.readString(out.resolve("index.html"));
        assertThat(index)
                .contains("National overview — 2024-03")
                .contains(DashboardFixture.moneyHtml(DashboardFixture.inflow("NP", "2024-03")[0]))
                .contains(DashboardFixture.moneyHtml(DashboardFixture.inflow("TJ", "2024-03")[0]))
                .contains("href=\"unit-NP-P1.html\"")
                .contains("<script src=\"echarts.min.js\">")
                .contains("<script src=\"mizan-page.js\" defer>")
                .doesNotContain("href=\"/")
                .doesNotContain("http");
        assertThat(out.resolve("echarts.min.js")).exists().content().contains("echarts");
        assertThat(out.resolve("mizan-page.js"))
                .exists()
                .content()
                .contains("echarts.init(div).setOption(JSON.parse(data.textContent))");
        String municipality = Files.readString(out.resolve("unit-NP-P1-DHA-M01.html"));
        assertThat(municipality)
                .contains("href=\"unit-NP-P1-DHA.html\"")
                .contains(DashboardFixture.moneyHtml(DashboardFixture.inflow("NP-P1-DHA-M01", "2024-03")[0]));
        // a regional council's folder: its region's pages only
        Path regional = MizanCli.tempDir("dashboard-koshi-");
        assertThat(cli.run("dashboard", "--out", regional.toString(), "--region", "NP-P1")
                        .code())
                .isZero();
        assertThat(regional.resolve("unit-NP-P1-DHA.html")).exists();
        assertThat(regional.resolve("unit-NP-P3.html")).doesNotExist();
        assertThat(regional.resolve("panel-remittance-cost.html")).doesNotExist();
        assertThat(Files.readString(regional.resolve("panel-inflows.csv"))
                        .lines()
                        .skip(1)
                        .toList())
                .containsExactlyInAnyOrderElementsOf(DashboardFixture.inflowLines("NP-P1"));
    }
}
