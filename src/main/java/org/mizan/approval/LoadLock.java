package org.mizan.approval;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mizan.config.MizanHome;
import org.mizan.duckdb.DuckDb;
import org.mizan.duckdb.SqlFiles;
import org.mizan.lake.Dataset;
import org.mizan.warehouse.Warehouse;
import org.springframework.stereotype.Component;

/**
 * The lock an approval puts on loads: a load, rerun or backfill that would replace rows of an approved unit and
 * period is refused before it starts, naming the approval and how to lift it, unless the command was given
 * {@code --reopen "reason"}: then those approvals, and every approval above them for the period, are undone and
 * the reason recorded. What a load replaces is known from the published warehouse: the rows of the partition
 * (source and period), or of the same file delivered before; what a load adds, from its staged rows, checked
 * again before they are committed to the lake ({@link #checkStaged}).
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
        Path published = guarded(job, workflows);
        if (published == null) {
            return;
        }
        Hierarchy h = new Hierarchy(published);
        List<List<Object>> rows = h.loadUnits(
                job,
                extra.get("source"),
                extra.get("period"),
                file == null || extra.containsKey("period")
                        ? null
                        : file.getFileName().toString());
        String what = extra.containsKey("period")
                ? "period " + extra.get("period") + " of source " + extra.get("source")
                : (file == null ? "this load" : file.getFileName().toString());
        guard(job, what, rows, h, workflows);
    }

    /**
     * The same check on a load's staged rows, before they are committed to the lake: a file never delivered before
     * (so unknown to the published warehouse) that holds rows of an approved unit and period is refused too, or
     * reopens them. Only the datasets an approval covers are read (remittance transactions, corridor aggregates,
     * registry records, services, funding entries naming their unit); the others pass.
     */
    public void checkStaged(String job, Path file, Dataset dataset, List<Path> staged) {
        String sql = STAGED.get(dataset);
        if (sql == null || staged.isEmpty()) {
            return;
        }
        Workflows workflows = Workflows.load(home);
        Path published = guarded(job, workflows);
        if (published == null) {
            return;
        }
        String list = staged.stream()
                .map(p -> "'" + p.toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = DuckDb.inMemory();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlFiles.text("queries/" + sql).replace("{{files}}", list))) {
            while (rs.next()) {
                rows.add(List.of(rs.getString(1), rs.getObject(2).toString(), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the staged rows of " + file + " to check them against the approvals: "
                            + e.getMessage(),
                    e);
        }
        guard(job, file.getFileName().toString(), rows, new Hierarchy(published), workflows);
    }

    private static final Map<Dataset, String> STAGED = Map.of(
            Dataset.REMITTANCE_TRANSACTIONS, "approval_staged_remittance_transactions.sql",
            Dataset.CORRIDOR_AGGREGATES, "approval_staged_corridor_aggregates.sql",
            Dataset.REGISTRY_PEOPLE, "approval_staged_registry_people.sql",
            Dataset.SERVICE_DELIVERIES, "approval_staged_service_deliveries.sql",
            Dataset.FUNDING_ENTRIES, "approval_staged_funding_entries.sql");

    /** The published warehouse when a workflow covers the job and something is approved; else null (nothing to protect). */
    private Path guarded(String job, Workflows workflows) {
        if (workflows.all().stream().noneMatch(w -> w.jobs().contains(job))) {
            return null;
        }
        Path published = new Warehouse(home).published();
        if (published == null || approvals.store().all().stream().noneMatch(ApprovalState::isApproved)) {
            return null; // nothing approved: nothing to protect, and no need to read the warehouse
        }
        return published;
    }

    /** Refuses, or reopens, the approvals covering rows (unit, month, source) of a load described as {@code what}. */
    private void guard(String job, String what, List<List<Object>> rows, Hierarchy h, Workflows workflows) {
        Map<String, ApprovalState> covering = new LinkedHashMap<>();
        Map<String, Map<String, ApprovalState>> cache = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            String unit = (String) row.get(0);
            java.time.LocalDate month = java.time.LocalDate.parse(String.valueOf(row.get(1)));
            for (Workflow w : workflows.all()) {
                if (!w.covers(job, (String) row.get(2))) {
                    continue;
                }
                String period = w.periodType().of(month);
                Map<String, ApprovalState> states = cache.computeIfAbsent(
                        w.name() + "|" + period, k -> approvals.store().states(w.name(), period));
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
            throw new ApprovalException(job + ": " + what + " holds approved figures: " + s.unitCode() + " "
                    + s.period()
                    + " is " + s.state() + " in workflow " + s.workflow() + " (by " + s.changedBy() + " at "
                    + s.changedAt() + ")"
                    + (covering.size() > 1 ? " and " + (covering.size() - 1) + " more" : "")
                    + ", so nothing was loaded."
                    + " To load it anyway, add --reopen \"why\" (unapproves " + s.unitCode()
                    + " and every level above it for "
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
