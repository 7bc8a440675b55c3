package org.mizan.dashboard.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mizan.approval.ApprovalException;
import org.mizan.approval.ApprovalState;
import org.mizan.approval.Approvals;
import org.mizan.approval.Approver;
import org.mizan.approval.Hierarchy;
import org.mizan.approval.Workflow;
import org.mizan.approval.Workflows;
import org.mizan.config.MizanHome;
import org.mizan.dashboard.Pages;
import org.mizan.dashboard.Scope;
import org.mizan.warehouse.Warehouse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The approval section of the overview and of each unit's page: per workflow, whether the page's figures are final
 * (approved, by whom) or provisional, the approval coverage below the unit (share of units approved per approving
 * level), and for an approver of the unit the approve, unapprove or accept button (a POST form with the CSRF token).
 */
final class ApprovalSection implements Pages.Extras {

    private final Approvals approvals;
    private final DashboardUsers users;
    private final MizanHome home;

    ApprovalSection(Approvals approvals, DashboardUsers users, MizanHome home) {
        this.approvals = approvals;
        this.users = users;
        this.home = home;
    }

    @Override
    public String section(Scope scope, String unit, String period) {
        List<Workflow> workflows = Workflows.load(home).all();
        var published = new Warehouse(home).published();
        if (period == null || workflows.isEmpty() || published == null) {
            return "";
        }
        Hierarchy h = new Hierarchy(published);
        LocalDate day = LocalDate.parse(
                period.length() == 4
                        ? period + "-01-01"
                        : period.contains("Q")
                                ? period.substring(0, 4) + "-" + String.format("%02d", (period.charAt(6) - '1') * 3 + 1)
                                        + "-01"
                                : period + "-01");
        StringBuilder out = new StringBuilder("<section class=\"approval\" data-unit=\"")
                .append(esc(unit))
                .append("\">\n<h3>Approval</h3>\n");
        Approver viewer = new Approver(scope.user(), users.approverUnit(scope.user()));
        for (Workflow w : workflows) {
            Approvals.Target t;
            try {
                t = approvals.page(w, unit, day, h);
            } catch (ApprovalException e) {
                continue;
            }
            ApprovalState covering = approvals.covering(t);
            out.append("<div class=\"workflow\" data-workflow=\"")
                    .append(esc(w.name()))
                    .append("\">\n<p class=\"status\">")
                    .append(esc(w.name()))
                    .append(' ')
                    .append(esc(t.period()))
                    .append(": ");
            if (covering != null) {
                out.append("<strong class=\"final\">")
                        .append(esc(covering.state()))
                        .append("</strong> (by ")
                        .append(esc(covering.changedBy()))
                        .append(covering.unitCode().equals(unit) ? "" : " for " + esc(covering.unitCode()))
                        .append(")");
            } else {
                out.append("<strong class=\"provisional\">provisional</strong>: the figures of ")
                        .append(esc(unit))
                        .append(" for ")
                        .append(esc(t.period()))
                        .append(" are not approved");
            }
            out.append("</p>\n");
            coverage(out, t);
            buttons(out, t, viewer, covering);
            out.append("</div>\n");
        }
        return out.append("</section>\n").toString();
    }

    /** Per approving level at or below the unit: the units holding data, and how many of them are approved. */
    private void coverage(StringBuilder out, Approvals.Target t) {
        Set<String> holding = t.hierarchy().holding(t.workflow(), t.period());
        Map<String, ApprovalState> states =
                approvals.store().states(t.workflow().name(), t.period());
        out.append(
                "<table class=\"coverage\"><tr><th>level</th><th>units with data</th><th>approved</th><th>share</th></tr>\n");
        for (int level : t.workflow().levels()) {
            if (level < t.unit().level()) {
                continue;
            }
            List<Hierarchy.Unit> units = level == t.unit().level()
                    ? List.of(t.unit())
                    : t.hierarchy().below(t.unit().code(), level);
            long withData =
                    units.stream().filter(u -> holding.contains(u.code())).count();
            long approved = units.stream()
                    .filter(u -> holding.contains(u.code()))
                    .filter(u -> t.hierarchy().chain(u.code()).stream()
                            .anyMatch(a -> states.containsKey(a.code())
                                    && states.get(a.code()).isApproved()))
                    .count();
            out.append("<tr data-level=\"")
                    .append(level)
                    .append("\"><td>level ")
                    .append(level)
                    .append("</td><td>")
                    .append(withData)
                    .append("</td><td>")
                    .append(approved)
                    .append("</td><td>")
                    .append(withData == 0 ? "—" : Math.round(100.0 * approved / withData) + " %")
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private void buttons(StringBuilder out, Approvals.Target t, Approver viewer, ApprovalState covering) {
        if (viewer.unit() == null || !t.workflow().approves(t.unit().level())) {
            return;
        }
        ApprovalState own = approvals.state(t);
        boolean mayApprove = allowed(t, viewer, false);
        if (mayApprove && (own == null || !own.isApproved())) {
            List<String> blocking = approvals.blocking(t);
            if (blocking.isEmpty() && covering == null) {
                form(out, t, "approve", "Approve");
            } else if (!blocking.isEmpty()) {
                out.append("<p class=\"blocked\">Cannot be approved yet: ")
                        .append(esc(String.join("; ", blocking)))
                        .append("</p>\n");
            }
        } else if (mayApprove) {
            form(out, t, "unapprove", "Unapprove");
        }
        if (own != null
                && ApprovalState.APPROVED.equals(own.state())
                && t.workflow().acceptLevels().contains(t.unit().level())
                && allowed(t, viewer, true)) {
            form(out, t, "accept", "Accept");
        }
    }

    private static boolean allowed(Approvals.Target t, Approver viewer, boolean above) {
        try {
            Approvals.mayAct(t, viewer, above);
            return true;
        } catch (ApprovalException e) {
            return false;
        }
    }

    private static void form(StringBuilder out, Approvals.Target t, String action, String label) {
        out.append("<form method=\"post\" class=\"approval-action\" action=\"/unit/")
                .append(esc(t.unit().code()))
                .append("/approval\">")
                .append(csrf())
                .append("<input type=\"hidden\" name=\"workflow\" value=\"")
                .append(esc(t.workflow().name()))
                .append("\">")
                .append("<input type=\"hidden\" name=\"period\" value=\"")
                .append(esc(t.period()))
                .append("\">")
                .append("<input type=\"hidden\" name=\"action\" value=\"")
                .append(action)
                .append("\">")
                .append("<input type=\"text\" name=\"comment\" placeholder=\"comment\" maxlength=\"500\">")
                .append("<button type=\"submit\" class=\"")
                .append(action)
                .append("\">")
                .append(label)
                .append("</button></form>\n");
    }

    /** The request's CSRF token as a hidden field (none outside a request, e.g. a static site). */
    private static String csrf() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a)) {
            return "";
        }
        Object token = a.getRequest().getAttribute(CsrfToken.class.getName());
        return token instanceof CsrfToken c
                ? "<input type=\"hidden\" name=\"" + esc(c.getParameterName()) + "\" value=\"" + esc(c.getToken())
                        + "\">"
                : "";
    }

    static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
