package org.mizan.dashboard.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.regex.Pattern;
import org.mizan.dashboard.Assets;
import org.mizan.dashboard.Csv;
import org.mizan.dashboard.Pages;
import org.mizan.dashboard.Panel;
import org.mizan.dashboard.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Answers the dashboard's requests: finds the viewer's scope, checks the page's values (unit, period) by their
 * shape, renders the page; outside the scope is 403, an unknown unit or panel 404.
 */
final class DashboardHandler {

    private static final Pattern UNIT = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");
    private static final Pattern PERIOD = Pattern.compile("^\\d{4}(-\\d{2}|-Q[1-4])?$");
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final Pages pages;
    private final DashboardUsers users;
    private final boolean anonymous;

    DashboardHandler(Pages pages, DashboardUsers users, boolean anonymous) {
        this.pages = pages;
        this.users = users;
        this.anonymous = anonymous;
    }

    ServerResponse overview(ServerRequest r) {
        return html(r, scope -> pages.overview(scope, period(r)));
    }

    ServerResponse unit(ServerRequest r) {
        return html(r, scope -> pages.unit(scope, unit(r.pathVariable("code")), period(r)));
    }

    ServerResponse panel(ServerRequest r) {
        return html(
                r,
                scope -> pages.panel(
                        scope, r.pathVariable("id"), unit(r.param("unit").orElse(null)), period(r), level(r)));
    }

    ServerResponse csv(ServerRequest r) {
        try {
            Scope scope = scope(r);
            String id = r.pathVariable("id");
            var query = pages.csvQuery(scope, id, unit(r.param("unit").orElse(null)), period(r));
            // streamed: a national download of every transaction never sits in memory whole
            return ServerResponse.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"" + id.replaceAll("[^A-Za-z0-9_-]", "_") + ".csv\"")
                    .build((request, response) -> {
                        try (var w = new java.io.BufferedWriter(
                                new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                                1 << 16)) {
                            query.stream(Csv.writer(w));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        return null;
                    });
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    ServerResponse asset(ServerRequest r) {
        String name = r.pathVariable("name");
        byte[] bytes = Assets.NAMES.contains(name) ? Assets.bytes(name) : null;
        if (bytes == null) {
            return ServerResponse.notFound().build();
        }
        return ServerResponse.ok()
                .contentType(MediaType.parseMediaType(Assets.contentType(name)))
                .header("Cache-Control", "max-age=86400")
                .body(bytes);
    }

    private interface Render {
        String page(Scope scope);
    }

    private ServerResponse html(ServerRequest r, Render render) {
        try {
            Scope scope = scope(r);
            return ServerResponse.ok().contentType(HTML).body(pages.render(() -> render.page(scope)));
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    private ServerResponse refusal(RuntimeException e) {
        HttpStatus status;
        if (e instanceof Scope.Forbidden) {
            status = HttpStatus.FORBIDDEN;
        } else if (e instanceof Pages.NotFound) {
            status = HttpStatus.NOT_FOUND;
        } else if (e instanceof BadRequest) {
            status = HttpStatus.BAD_REQUEST;
        } else if (e instanceof Panel.PanelException || e instanceof IllegalStateException) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
        } else {
            throw e;
        }
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + status.value()
                + "</title></head><body><h1>"
                + status.value() + " " + status.getReasonPhrase() + "</h1><p class=\"reason\">" + escape(e.getMessage())
                + "</p><p><a href=\"/\">overview</a></p></body></html>";
        return ServerResponse.status(status).contentType(HTML).body(page);
    }

    /** The signed-in viewer's scope; anonymous visitors (only when enabled for a demo) see everything. */
    private Scope scope(ServerRequest r) {
        Principal p = r.principal().orElse(null);
        if (p == null || p instanceof AnonymousAuthenticationToken) {
            if (anonymous) {
                return Scope.national("anonymous");
            }
            throw new Scope.Forbidden("sign in first");
        }
        Scope s = users.scope(p.getName());
        if (s == null) {
            throw new Scope.Forbidden("user " + p.getName() + " is not a dashboard user");
        }
        return s;
    }

    private static String unit(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        if (!UNIT.matcher(v).matches()) {
            throw new BadRequest("'" + v + "' is not a unit code");
        }
        return v;
    }

    /** The level of the gazetteer a panel page shows (null: every level). */
    private static Integer level(ServerRequest r) {
        String v = r.param("level").orElse(null);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (!v.matches("[0-9]{1,2}")) {
            throw new BadRequest("'" + v + "' is not a level (0 for the countries, 1 for the regions, …)");
        }
        return Integer.valueOf(v);
    }

    private static String period(ServerRequest r) {
        String v = r.param("period").orElse(null);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (!PERIOD.matcher(v).matches()) {
            throw new BadRequest("period '" + v + "' is not a year (2024), a month (2024-03) or a quarter (2024-Q1)");
        }
        return v;
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A page value of the wrong shape (HTTP 400). */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
