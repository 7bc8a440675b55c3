package org.mizan.approval;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mizan.config.MizanHome;
import org.mizan.warehouse.Warehouse;
import org.springframework.stereotype.Component;

/**
 * The approval rules. A unit is approved only when every unit below it at the next approving level that holds data in
 * the period is approved (accepted, where that level must be accepted); an approved unit is unapproved only while the
 * unit above it has not approved; a reopen unapproves a unit and every approving level above it. Each change is
 * stored with its audit row, then the warehouse is published again so that its views carry the new state.
 */
@Component
public class Approvals {

    private final ApprovalStore store;
    private final MizanHome home;

    public Approvals(ApprovalStore store, MizanHome home) {
        this.store = store;
        this.home = home;
    }

    /** What an approval request is about: workflow, unit and period, checked. */
    public record Target(Workflow workflow, Hierarchy.Unit unit, String period, Hierarchy hierarchy) {}

    /** Checks a request: the workflow, the period's type, the unit and that its level approves in the workflow. */
    public Target target(String workflow, String unit, String period) {
        Workflow w = Workflows.load(home).require(workflow);
        w.periodType().check(period, w.name());
        Hierarchy h = new Hierarchy(new Warehouse(home).published());
        Hierarchy.Unit u = h.require(unit);
        if (!w.approves(u.level())) {
            throw new ApprovalException(unit + " is at level " + u.level() + ", which does not approve in workflow "
                    + w.name() + " (its levels: " + w.levels() + ")");
        }
        return new Target(w, u, period, h);
    }

    /** The state of the unit, or of the nearest approved unit above it (whose approval covers it); null when none. */
    public ApprovalState covering(Target t) {
        Map<String, ApprovalState> states = store.states(t.workflow().name(), t.period());
        for (Hierarchy.Unit u : t.hierarchy().chain(t.unit().code())) {
            ApprovalState s = states.get(u.code());
            if (s != null && s.isApproved()) {
                return s;
            }
        }
        return null;
    }

    /** The target of a unit at any level (what a page shows), with the workflow's period that holds {@code day}. */
    public Target page(Workflow w, String unit, java.time.LocalDate day, Hierarchy h) {
        return new Target(w, h.require(unit), w.periodType().of(day), h);
    }

    public ApprovalState state(Target t) {
        return store.states(t.workflow().name(), t.period())
                .getOrDefault(t.unit().code(), null);
    }

    /** The units that keep this one from being approved: below it, holding data, not (yet) approved or accepted. */
    public List<String> blocking(Target t) {
        int below = t.workflow().levelBelow(t.unit().level());
        if (below < 0) {
            return List.of();
        }
        Set<String> holding = t.hierarchy().holding(t.workflow(), t.period());
        Map<String, ApprovalState> states = store.states(t.workflow().name(), t.period());
        boolean mustAccept = t.workflow().acceptLevels().contains(below);
        List<String> out = new ArrayList<>();
        for (Hierarchy.Unit child : t.hierarchy().below(t.unit().code(), below)) {
            ApprovalState s = states.get(child.code());
            String state = s == null ? ApprovalState.UNAPPROVED : s.state();
            boolean done = mustAccept ? ApprovalState.ACCEPTED.equals(state) : s != null && s.isApproved();
            if (holding.contains(child.code()) && !done) {
                out.add(child.code() + " (" + child.name() + ") is " + state
                        + (mustAccept && s != null && s.isApproved() ? ", not yet accepted" : ""));
            }
        }
        return out;
    }

    public void approve(Target t, Approver who, String comment) {
        mayAct(t, who, false);
        ApprovalState now = state(t);
        if (now != null && now.isApproved()) {
            throw new ApprovalException(t.unit().code() + " is already " + now.state() + " for " + t.period() + " in "
                    + t.workflow().name() + " (by " + now.changedBy() + " at " + now.changedAt() + ")");
        }
        List<String> blocking = blocking(t);
        if (!blocking.isEmpty()) {
            throw new ApprovalException(t.unit().code() + " cannot be approved for " + t.period() + " in "
                    + t.workflow().name() + ": " + String.join("; ", blocking) + ". Approve "
                    + (blocking.size() == 1 ? "it" : "them") + " first.");
        }
        change(t, ApprovalState.APPROVED, "approve", now, who.user(), comment);
    }

    public void unapprove(Target t, Approver who, String comment) {
        mayAct(t, who, false);
        ApprovalState now = state(t);
        if (now == null || !now.isApproved()) {
            throw new ApprovalException(t.unit().code() + " is not approved for " + t.period() + " in "
                    + t.workflow().name() + ": nothing to unapprove");
        }
        ApprovalState above = approvedAbove(t);
        if (above != null) {
            throw new ApprovalException(t.unit().code() + " cannot be unapproved: " + above.unitCode()
                    + " above it approved " + t.period() + " (by " + above.changedBy() + "). Unapprove "
                    + above.unitCode() + " first, or reopen the data with --reopen.");
        }
        change(t, ApprovalState.UNAPPROVED, "unapprove", now, who.user(), comment);
    }

    public void accept(Target t, Approver who, String comment) {
        mayAct(t, who, true);
        if (!t.workflow().acceptLevels().contains(t.unit().level())) {
            throw new ApprovalException("level " + t.unit().level() + " is not accepted in workflow "
                    + t.workflow().name() + ": its approval needs no acceptance");
        }
        ApprovalState now = state(t);
        if (now == null || !ApprovalState.APPROVED.equals(now.state())) {
            throw new ApprovalException(
                    t.unit().code() + " is " + (now == null ? ApprovalState.UNAPPROVED : now.state()) + " for "
                            + t.period() + ": only an approved unit can be accepted");
        }
        change(t, ApprovalState.ACCEPTED, "accept", now, who.user(), comment);
    }

    /** The approval of the nearest approving level above, when it is approved. */
    private ApprovalState approvedAbove(Target t) {
        Map<String, ApprovalState> states = store.states(t.workflow().name(), t.period());
        for (Hierarchy.Unit u : t.hierarchy().chain(t.unit().code())) {
            ApprovalState s = states.get(u.code());
            if (!u.code().equals(t.unit().code()) && t.workflow().approves(u.level()) && s != null && s.isApproved()) {
                return s;
            }
        }
        return null;
    }

    /** Approving and unapproving is for an approver of the unit or above it; accepting for an approver above it. */
    public static void mayAct(Target t, Approver who, boolean above) {
        if (who == null || who.unit() == null) {
            throw new ApprovalException.NotAllowed("user " + (who == null ? "?" : who.user())
                    + " has no approver role (dashboard-users.yml: approver: UNIT)");
        }
        boolean within = t.hierarchy().isWithin(t.unit().code(), who.unit());
        if (!within || above && who.unit().equals(t.unit().code())) {
            throw new ApprovalException.NotAllowed("user " + who.user() + " approves for " + who.unit()
                    + ", so may not " + (above ? "accept " : "approve or unapprove ")
                    + t.unit().code());
        }
    }

    /**
     * Reopens a unit's approval for a period: unapproves it and every approved unit above it, recording the reason;
     * returns the units unapproved.
     */
    public List<String> reopen(Workflow w, String unit, String period, String user, String reason, Hierarchy h) {
        Map<String, ApprovalState> states = store.states(w.name(), period);
        List<ApprovalStore.Change> changes = new ArrayList<>();
        List<String> units = new ArrayList<>();
        LocalDateTime at = now();
        for (Hierarchy.Unit u : h.chain(unit)) {
            ApprovalState s = states.get(u.code());
            if (s != null && s.isApproved()) {
                changes.add(new ApprovalStore.Change(
                        new ApprovalState(w.name(), u.code(), period, ApprovalState.UNAPPROVED, user, at, reason),
                        "reopen",
                        s.state()));
                units.add(u.code());
            }
        }
        store.apply(changes);
        return units;
    }

    private void change(Target t, String to, String action, ApprovalState from, String user, String comment) {
        store.apply(List.of(new ApprovalStore.Change(
                new ApprovalState(t.workflow().name(), t.unit().code(), t.period(), to, user, now(), comment),
                action,
                from == null ? ApprovalState.UNAPPROVED : from.state())));
        publish();
    }

    /** Writes the states for the warehouse and publishes a new build that carries them. */
    public void publish() {
        ApprovalSnapshot.write(home, Workflows.load(home), store.all());
        if (new Warehouse(home).published() != null) {
            new Warehouse(home).rebuild();
        }
    }

    public ApprovalStore store() {
        return store;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
