package org.mizan.dashboard.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing: after {@value #FREE_FAILURES} wrong passwords in a row for one user name, every
 * sign-in of that name (by form or HTTP Basic) is answered 429 with a Retry-After until the lock ends; each
 * further failure after a lock doubles it, up to {@link #MAX_LOCK}. A right password after the lock clears it.
 */
class LoginThrottle extends OncePerRequestFilter {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);

    private record State(int failures, Instant lockedUntil) {}

    private final Map<String, State> byName = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = attemptedName(request);
        if (name == null) {
            chain.doFilter(request, response);
            return;
        }
        State s = byName.get(name);
        Instant now = clock.instant();
        if (s != null && s.lockedUntil() != null && now.isBefore(s.lockedUntil())) {
            long seconds = Math.max(1, Duration.between(now, s.lockedUntil()).toSeconds());
            // answered here, not by sendError: an error page would go through sign-in again and turn into a 401
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().println("too many wrong passwords for this user name: try again in " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
        if (failed(request, response)) {
            byName.merge(name, new State(1, null), (old, one) -> next(old.failures() + 1, now));
        } else if (response.getStatus() < 400) {
            byName.remove(name);
        }
    }

    private static State next(int failures, Instant now) {
        if (failures < FREE_FAILURES) {
            return new State(failures, null);
        }
        long factor = 1L << Math.min(failures - FREE_FAILURES, 20);
        Duration lock = FIRST_LOCK.multipliedBy(factor);
        return new State(failures, now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock));
    }

    /** A form sign-in sends back to the form with {@code ?error}; HTTP Basic answers 401. */
    private static boolean failed(HttpServletRequest request, HttpServletResponse response) {
        if (isFormLogin(request)) {
            String location = response.getHeader("Location");
            return location != null && location.contains("error");
        }
        return response.getStatus() == 401;
    }

    private static boolean isFormLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
    }

    /** The user name a request signs in with, or null when it carries no credentials. */
    private static String attemptedName(HttpServletRequest request) {
        if (isFormLogin(request)) {
            return request.getParameter("username");
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? pair : pair.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
