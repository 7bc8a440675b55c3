package org.mizan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.MizanCli;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A regional approver in Debian's headless Chromium, on the golden world (fixtures/world) with the East's three
 * municipalities approved from the CLI: Koshi's council approves its region from its page, cannot approve the West
 * (no button, and a forged POST is 403), and the planner's national overview shows the coverage change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalBrowserIT {

    private static final String KOSHI_PW = "koshi-pw";
    private static final String PLANNER_PW = "planner-pw";

    private MizanCli cli;
    private DashboardServer server;
    private Browser b;

    @BeforeAll
    void serve() throws Exception {
        b = Browser.startOrSkip(getClass());
        cli = MizanCli.goldenWorld("approval-browser");
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        Files.writeString(cli.home().resolve("dashboard-users.yml"), """
                users:
                  - {name: planner, password: "%s", role: national}
                  - {name: koshi, password: "%s", role: regional, region: NP-P1, approver: NP-P1}
                  - {name: asha, password: "%s", role: regional, region: NP-P1, approver: NP-P1-D1-M1}
                """.formatted(
                        bcrypt.encode(PLANNER_PW), bcrypt.encode(KOSHI_PW), bcrypt.encode("x")));
        for (String unit : List.of("NP-P1-D1-M1", "NP-P1-D1-M2", "NP-P1-D1-M3")) {
            MizanCli.Result r = cli.run(
                    "approve", "--workflow", "local-reporting", "--unit", unit, "--period", "2024", "--user", "koshi");
            assertThat(r.code()).as(r.err()).isZero();
        }
        server = DashboardServer.serve(cli);
        b.base(server.base());
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (b != null) {
            b.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static final String PROVISIONAL_ONE_ROW =
            "<p class=\"approval-mark provisional\" data-provisional-rows=\"1\">provisional:"
                    + " 1 of the 1 row behind these figures is not approved</p>";

    /** The provisional mark of a panel's tile on the page shown, as the page's markup has it. */
    private String mark(String panel) {
        return b.find("div.tile[data-panel='" + panel + "'] p.approval-mark").getAttribute("outerHTML");
    }

    private List<String> coverage(int level) {
        return b.findAll("section.approval[data-unit='NP'] table.coverage tr[data-level='" + level + "'] td").stream()
                .map(e -> e.getText())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object> post(String path, String body) {
        return (List<Object>) ((JavascriptExecutor) b.driver())
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: arguments[1],"
                                + " redirect: 'manual'}).then(r => r.text().then(t => done([String(r.status), t]))).catch(e => done(['error', String(e)]));",
                        path,
                        body);
    }

    @Test
    void aRegionalApproverApprovesItsRegionAndNoOther() {
        // given the planner's overview: the East's municipalities approved, no region yet
        b.signIn("planner", PLANNER_PW);
        b.get("/?period=2024");
        assertThat(b.text("section.approval[data-unit='NP'] .status"))
                .isEqualTo("local-reporting 2024: provisional: the figures of NP for 2024 are not approved");
        assertThat(coverage(3)).containsExactly("level 3", "5", "3", "60 %");
        assertThat(coverage(1)).containsExactly("level 1", "2", "0", "0 %");
        assertThat(coverage(0)).containsExactly("level 0", "1", "0", "0 %");
        assertThat(b.findAll("form.approval-action"))
                .as("the planner has no approver role: no button")
                .isEmpty();
        // and each tile whose figures rest on unapproved rows says so itself: the nation's own scorecard row is not
        // approved
        assertThat(mark("scorecard")).isEqualTo(PROVISIONAL_ONE_ROW);
        // while an approved municipality's page has tiles and no provisional mark on any
        b.get("/unit/NP-P1-D1-M1?period=2024");
        assertThat(b.findAll("div.tile")).isNotEmpty();
        assertThat(b.findAll("div.tile p.approval-mark")).isEmpty();
        b.signOut();

        // when Koshi's council opens its region's page and approves it
        b.signIn("koshi", KOSHI_PW);
        b.get("/unit/NP-P1?period=2024");
        assertThat(b.text("section.approval .status"))
                .isEqualTo("local-reporting 2024: provisional: the figures of NP-P1 for 2024 are not approved");
        b.find("form.approval-action input[name=comment]").sendKeys("checked with the districts");
        b.find("form.approval-action button.approve").click();
        b.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.approval strong.final")));
        b.screenshot("approval-koshi-approved.png");
        // then the page shows it final, with the unapprove button in place of approve
        assertThat(b.driver().getCurrentUrl()).endsWith("/unit/NP-P1?period=2024");
        assertThat(b.text("section.approval .status")).isEqualTo("local-reporting 2024: approved (by koshi)");
        assertThat(b.findAll("form.approval-action button.unapprove")).hasSize(1);
        assertThat(b.findAll("form.approval-action button.approve")).isEmpty();
        String token = b.find("form.approval-action input[name=_csrf]").getAttribute("value");

        // and the West: not its page (403) and so no button; a forged POST with a valid token is refused too
        b.get("/unit/NP-P2?period=2024");
        assertThat(b.source()).contains("403").doesNotContain("approval-action");
        b.get("/unit/NP-P1?period=2024");
        List<Object> forged =
                post("/unit/NP-P2/approval", "_csrf=" + token + "&workflow=local-reporting&period=2024&action=approve");
        assertThat(forged.get(0)).isEqualTo("403");
        assertThat((String) forged.get(1))
                .contains("user koshi approves for NP-P1, so may not approve or unapprove NP-P2");
        // and a POST without the CSRF token is refused before it reaches the approval
        assertThat(post("/unit/NP-P1/approval", "workflow=local-reporting&period=2024&action=unapprove")
                        .get(0))
                .isEqualTo("403");
        b.signOut();

        // then the national overview's coverage has the East region
        b.signIn("planner", PLANNER_PW);
        b.get("/?period=2024");
        assertThat(coverage(1)).containsExactly("level 1", "2", "1", "50 %");
        assertThat(coverage(3)).containsExactly("level 3", "5", "3", "60 %");
        b.screenshot("approval-national-coverage.png");
        // and the East's scorecard tile is final now, the West's still provisional
        b.get("/unit/NP-P1?period=2024");
        assertThat(b.findAll("div.tile[data-panel='scorecard'] p.approval-mark"))
                .isEmpty();
        b.get("/unit/NP-P2?period=2024");
        assertThat(mark("scorecard")).isEqualTo(PROVISIONAL_ONE_ROW);
        b.signOut();
        // and the audit trail has Koshi's approval with its comment
        assertThat(cli.run("approvals", "--unit", "NP-P1", "--period", "2024").out())
                .containsPattern(
                        "#4 approve NP-P1: unapproved -> approved by koshi at [^\\n]* \"checked with the districts\"\\n");
    }
}
