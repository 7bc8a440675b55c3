package org.mizan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.mizan.MizanCli;

/** A demo's dashboard with {@code mizan.dashboard.anonymous=true}: open to visitors who have not signed in. */
class DashboardAnonymousIT {

    @Test
    void anonymousVisitorsAreLetInOnlyWhenADemoSaysSo() throws Exception {
        MizanCli cli = DashboardFixture.loaded();
        System.setProperty("mizan.dashboard.anonymous", "true");
        DashboardServer server;
        try {
            server = DashboardServer.start(cli);
        } finally {
            System.clearProperty("mizan.dashboard.anonymous");
        }
        try {
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.base() + "/?period=2024-03"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("<span class=\"value\">"
                            + DashboardFixture.moneyHtml(DashboardFixture.inflow("NP", "2024-03")[0]) + "</span>");
        } finally {
            server.stop();
        }
    }
}
