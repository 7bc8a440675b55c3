package org.mizan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.MizanCli;

/**
 * {@code mizan serve}'s dashboard over plain HTTP (no browser needed): sign-in required unless a demo enables
 * anonymous visitors, values of the wrong shape refused, a regional user's guessed URLs refused, ECharts served
 * from the jar, a users file with a clear-text password refused at start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardServeIT {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private MizanCli cli;
    private DashboardServer server;

    @BeforeAll
    void serve() throws Exception {
        cli = DashboardFixture.loaded();
        server = DashboardServer.start(cli);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void nothingWithoutSigningIn() throws Exception {
        assertThat(get("/", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/panel/inflows.csv", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/unit/NP-P1", null, "text/html").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(get("/", "planner", "wrong password").statusCode()).isEqualTo(401);
        // the page's script and style need no sign-in, and come from the jar (ECharts' WebJar), not a CDN
        HttpResponse<String> echarts = get("/assets/echarts.min.js", null, null);
        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.body()).contains("echarts");
        assertThat(get("/assets/..%2Fapplication.yml", null, null).statusCode()).isNotEqualTo(200);
    }

    @Test
    void thePlannersPagesAndTheirRefusals() throws Exception {
        HttpResponse<String> unit = get("/unit/NP-P1-DHA?period=2024-03", "planner", DashboardServer.PLANNER_PASSWORD);
        assertThat(unit.statusCode()).isEqualTo(200);
        assertThat(unit.body())
                .contains("<span class=\"value\">"
                        + DashboardFixture.moneyHtml(DashboardFixture.inflow("NP-P1-DHA", "2024-03")[0]) + "</span>");
        assertThat(get("/unit/NP-P1?period=2024-03'%20or%201=1", "planner", DashboardServer.PLANNER_PASSWORD)
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/panel/inflows?unit=NP'%20or%201=1", "planner", DashboardServer.PLANNER_PASSWORD)
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/unit/XX-NOWHERE", "planner", DashboardServer.PLANNER_PASSWORD)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/panel/scorecards", "planner", DashboardServer.PLANNER_PASSWORD)
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> csv =
                get("/panel/remittance-cost.csv?period=2024-Q1", "planner", DashboardServer.PLANNER_PASSWORD);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines().skip(1).count())
                .isEqualTo(Long.parseLong(cli.value("select count(*) from remittance_cost where quarter = '2024-Q1'")));
    }

    @Test
    void aRegionalUsersGuessedUrlsAreRefused() throws Exception {
        for (String url : new String[] {
            "/unit/NP-P3",
            "/unit/NP",
            "/unit/TJ-SU-PNJ-J06",
            "/panel/inflows?unit=NP-P3-KTM",
            "/panel/inflows.csv?unit=TJ-SU",
            "/panel/transactions.csv?unit=NP",
            "/panel/remittance-cost.csv",
            "/panel/corridor-costs"
        }) {
            assertThat(get(url, "koshi", DashboardServer.KOSHI_PASSWORD).statusCode())
                    .as(url)
                    .isEqualTo(403);
        }
        HttpResponse<String> own = get("/panel/corridor-aggregates.csv", "koshi", DashboardServer.KOSHI_PASSWORD);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body().lines().skip(1).toList())
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.split(",")[2]).startsWith("NP-P1"));
        assertThat(own.body().lines().skip(1).count())
                .isEqualTo(Long.parseLong(
                        cli.value("select count(*) from corridor_aggregates where receiving_unit_code like 'NP-P1%'")));
    }

    @Test
    void aUsersFileWithAClearTextPasswordStopsServeWithWhatToDo() throws Exception {
        Path users = MizanCli.tempDir("users-").resolve("users.yml");
        Files.writeString(users, "users:\n  - name: planner\n    password: secret\n    role: national\n");
        System.setProperty("mizan.dashboard.users", users.toString());
        try {
            MizanCli.Result r = cli.run("serve", "--port", "0", "--run-for", "PT1S");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .contains(users + ", user 1 (planner): password must be a bcrypt hash")
                    .contains("./mizan dashboard --bcrypt");
        } finally {
            System.clearProperty("mizan.dashboard.users");
        }
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path));
        if (user != null && password != null) {
            b.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        } else if (password != null) {
            b.header("Accept", password);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
