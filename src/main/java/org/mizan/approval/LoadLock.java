package org.mizan.approval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mizan.config.MizanHome;
import org.mizan.warehouse.Warehouse;
import org.springframework.stereotype.Component;

/**
 * The lock an approval puts on loads: a load, rerun or backfill that would replace rows of an approved unit and
 * period is refused before it starts, naming the approval and how to lift it, unless the command was given
 * {@code --reopen "reason"}: then those approvals, and every approval above them for the period, are undone and
 * the reason recorded. What a load replaces is known from the published warehouse: the rows of the partition
 * (source and period), or of the same file delivered before.
 */
@Component
public class LoadLock {

    private final Approvals approvals;
    private final MizanHome home;
    private String reopenReason;
    private String reopenUser;
    private final List<String> reopened = new ArrayList<>();

    public LoadLock(Approvals approvals, MizanHome home) {
        this.approvals = approvals;
        this.home = home;
    }

    /** Loads of this command reopen what they cover instead of being refused. */
    public void reopening(String reason, String user) {
        if (reason == null || reason.isBlank()) {
            throw new ApprovalException("--reopen needs the reason, e.g. --reopen \"the provider corrected March\"");
        }
        this.reopenReason = reason.strip();
        this.reopenUser = user;
    }

    /** What the loads of this command reopened (workflow unit period), in order. */
    public List<String> reopened() {
        return List.copyOf(reopened);
    }

    /** Refuses (or, when reopening, reopens) a load whose rows are covered by an approval. */
    public void check(String job, Path file, Map<String, String> extra) {
        Workflows workflows = Workflows.load(home);
        if (workflows.all().stream().noneMatch(w -> w.jobs().contains(job))) {
            return;
        }
        Path published = new Warehouse(home).published();
        if (published == null || approvals.store().all().stream().noneMatch(ApprovalState::isApproved)) {
            return; // nothing approved: nothing to protect, and no need to read the warehouse
        }
        Hierarchy h = new Hierarchy(published);
        Map<String, ApprovalState> covering = new LinkedHashMap<>();
        Map<String, Map<String, ApprovalState>> cache = new LinkedHashMap<>();
        for (List<Object> row : h.loadUnits(job, extra.get("source"), extra.get("period"),
                file == null || extra.containsKey("period") ? null : file.getFileName().toString())) {
            String unit = (String) row.get(0);
            java.time.LocalDate month = java.time.LocalDate.parse(String.valueOf(row.get(1)));
            for (Workflow w : workflows.all()) {
                if (!w.covers(job, (String) row.get(2))) {
                    continue;
                }
                String period = w.periodType().of(month);
                Map<String, ApprovalState> states = cache.computeIfAbsent(w.name() + "|" + period, k -> approvals.store().states(w.name(), period));
                for (Hierarchy.Unit u : h.chain(unit)) {
                    ApprovalState s = states.get(u.code());
                    if (s != null && s.isApproved()) {
                        covering.putIfAbsent(w.name() + " " + u.code() + " " + period, s);
                        break;
                    }
                }
            }
        }
        if (covering.isEmpty()) {
            return;
        }
        if (reopenReason == null) {
            ApprovalState s = covering.values().iterator().next();
            String what = extra.containsKey("period") ? "period " + extra.get("period") + " of source " + extra.get("source")
                    : (file == null ? "this load" : file.getFileName().toString());
            throw new ApprovalException(job + ": " + what + " holds approved figures: " + s.unitCode() + " " + s.period()
                    + " is " + s.state() + " in workflow " + s.workflow() + " (by " + s.changedBy() + " at " + s.changedAt() + ")"
                    + (covering.size() > 1 ? " and " + (covering.size() - 1) + " more" : "") + ", so nothing was loaded."
                    + " To load it anyway, add --reopen \"why\" (unapproves " + s.unitCode() + " and every level above it for "
                    + s.period() + ", and records why), or unapprove first: mizan unapprove --workflow " + s.workflow()
                    + " --unit " + s.unitCode() + " --period " + s.period());
        }
        for (ApprovalState s : covering.values()) {
            Workflow w = workflows.require(s.workflow());
            for (String u : approvals.reopen(w, s.unitCode(), s.period(), reopenUser, reopenReason, h)) {
                reopened.add(w.name() + " " + u + " " + s.period());
            }
        }
        ApprovalSnapshot.write(home, workflows, approvals.store().all());
    }
}
