package org.mizan.dashboard.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.mizan.approval.ApprovalException;
import org.mizan.approval.Approvals;
import org.mizan.approval.Approver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code POST /unit/{code}/approval} (workflow, period, action approve|unapprove|accept, comment; CSRF-checked by
 * the security filter): acts as the signed-in approver, then back to the unit's page. Another unit's, or no role: 403.
 */
final class ApprovalHandler {

    private final Approvals approvals;
    private final DashboardUsers users;

    ApprovalHandler(Approvals approvals, DashboardUsers users) {
        this.approvals = approvals;
        this.users = users;
    }

    ServerResponse act(ServerRequest r) {
        Principal p = r.principal().orElse(null);
        if (p == null || p instanceof AnonymousAuthenticationToken) {
            return page(HttpStatus.FORBIDDEN, "sign in first");
        }
        String unit = r.pathVariable("code");
        String workflow = r.param("workflow").orElse("");
        String period = r.param("period").orElse("");
        String action = r.param("action").orElse("");
        String comment = r.param("comment")
                .filter(c -> !c.isBlank())
                .map(c -> c.length() > 500 ? c.substring(0, 500) : c)
                .orElse(null);
        Approver who = new Approver(p.getName(), users.approverUnit(p.getName()));
        try {
            Approvals.Target t = approvals.target(workflow, unit, period);
            switch (action) {
                case "approve" -> approvals.approve(t, who, comment);
                case "unapprove" -> approvals.unapprove(t, who, comment);
                case "accept" -> approvals.accept(t, who, comment);
                default -> {
                    return page(HttpStatus.BAD_REQUEST, "action must be approve, unapprove or accept");
                }
            }
        } catch (ApprovalException.NotAllowed e) {
            return page(HttpStatus.FORBIDDEN, e.getMessage());
        } catch (ApprovalException e) {
            return page(HttpStatus.CONFLICT, e.getMessage());
        }
        String year = period.length() >= 4 ? period.substring(0, 4) : "";
        return ServerResponse.seeOther(URI.create("/unit/" + unit + (year.isEmpty() ? "" : "?period=" + year)))
                .build();
    }

    private static ServerResponse page(HttpStatus status, String message) {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + status.value()
                + "</title></head><body><h1>"
                + status.value() + " " + status.getReasonPhrase() + "</h1><p class=\"reason\">"
                + ApprovalSection.esc(message)
                + "</p><p><a href=\"/\">overview</a></p></body></html>";
        return ServerResponse.status(status)
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(html);
    }
}
