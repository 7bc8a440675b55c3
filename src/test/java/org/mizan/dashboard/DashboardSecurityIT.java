package org.mizan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.MizanCli;

/**
 * The dashboard's security settings as a browser or an attacker meets them: a Content-Security-Policy on every
 * response, a session cookie that is SameSite and HttpOnly, a server that listens on 127.0.0.1 only unless told
 * otherwise, and wrong passwords throttled after five in a row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardSecurityIT {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private DashboardServer server;

    @BeforeAll
    void serve() throws Exception {
        // an empty home: these are properties of the server, not of the data
        server = DashboardServer.start(MizanCli.inTempHome("dashboard-security"));
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void everyResponseCarriesTheContentSecurityPolicyAndTheSessionCookieIsSameSite() throws Exception {
        HttpResponse<String> login = get("/login", null, null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Content-Security-Policy")).containsExactly(CSP);
        assertThat(get("/", null, null).headers().allValues("Content-Security-Policy"))
                .containsExactly(CSP);
        assertThat(get("/", "planner", DashboardServer.PLANNER_PASSWORD)
                        .headers()
                        .allValues("Content-Security-Policy"))
                .containsExactly(CSP);
        // a browser sent to sign in gets a session to come back to: its cookie never rides a cross-site request
        HttpRequest page = HttpRequest.newBuilder(URI.create(server.base() + "/unit/NP-P1"))
                .header("Accept", "text/html")
                .build();
        HttpResponse<String> redirect = http.send(page, HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().allValues("Set-Cookie"))
                .singleElement()
                .satisfies(c -> assertThat(c)
                        .startsWith("JSESSIONID=")
                        .contains("; HttpOnly")
                        .contains("; SameSite=Strict"));
    }

    @Test
    void theServerListensOnTheLoopbackAddressOnly() throws Exception {
        assertThat(server.out()).contains("(listening on 127.0.0.1;");
        int port = URI.create(server.base()).getPort();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            assertThat(s.isConnected()).isTrue();
        }
        List<InetAddress> outside = new ArrayList<>();
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            Collections.list(n.getInetAddresses()).stream()
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                    .forEach(outside::add);
        }
        assertThat(outside)
                .as("this test needs a network interface besides loopback")
                .isNotEmpty();
        for (InetAddress a : outside) {
            assertThatThrownBy(() -> {
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress(a, port), 10_000);
                        }
                    })
                    .as("connecting on %s", a)
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void wrongPasswordsAreThrottledAfterFiveInARow() throws Exception {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            codes.add(get("/", "koshi", "guess-" + i).statusCode());
        }
        // five are judged, then the name is locked: the other 75 are not even tried
        assertThat(codes.subList(0, 5)).containsOnly(401);
        assertThat(codes.subList(5, 80)).containsOnly(429);
        HttpResponse<String> locked = get("/", "koshi", DashboardServer.KOSHI_PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 30));
        // another user name is not held up by it
        assertThat(get("/assets/echarts.min.js", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/login", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/", "planner", "wrong").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path));
        if (user != null) {
            b.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
