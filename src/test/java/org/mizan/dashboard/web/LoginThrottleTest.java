package org.mizan.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The throttle on its own, with a clock the test moves: locks after five failures, doubles, clears on success. */
class LoginThrottleTest {

    private Instant now = Instant.parse("2024-03-01T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    /** A sign-in by HTTP Basic against a server that knows one password. */
    private MockHttpServletResponse basic(String user, String password) throws Exception {
        MockHttpServletRequest req = new MockHttpServletRequest("GET", "/");
        req.addHeader(
                "Authorization",
                "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        MockHttpServletResponse res = new MockHttpServletResponse();
        throttle.doFilter(req, res, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest q, HttpServletResponse r) throws java.io.IOException {
                if (!"right".equals(password)) {
                    r.sendError(401);
                }
            }
        }));
        return res;
    }

    @Test
    void fiveWrongPasswordsLockTheNameAndEachFurtherFailureDoublesTheLock() throws Exception {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            codes.add(basic("koshi", "guess").getStatus());
        }
        assertThat(codes).containsExactly(401, 401, 401, 401, 401, 429, 429, 429);
        assertThat(basic("koshi", "right").getHeader("Retry-After")).isEqualTo("30");
        assertThat(basic("planner", "right").getStatus()).isEqualTo(200);
        // after the lock, one more failure locks for twice as long
        now = now.plus(Duration.ofSeconds(31));
        assertThat(basic("koshi", "guess").getStatus()).isEqualTo(401);
        MockHttpServletResponse locked = basic("koshi", "right");
        assertThat(locked.getStatus()).isEqualTo(429);
        assertThat(locked.getHeader("Retry-After")).isEqualTo("60");
        // and the right password after the lock clears the count
        now = now.plus(Duration.ofSeconds(61));
        assertThat(basic("koshi", "right").getStatus()).isEqualTo(200);
        assertThat(basic("koshi", "guess").getStatus()).isEqualTo(401);
        assertThat(basic("koshi", "right").getStatus()).isEqualTo(200);
    }
}
