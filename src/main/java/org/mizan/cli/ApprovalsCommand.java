package org.mizan.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mizan.approval.ApprovalException;
import org.mizan.approval.ApprovalState;
import org.mizan.approval.Approvals;
import org.mizan.approval.AuditEntry;
import org.mizan.approval.Hierarchy;
import org.mizan.approval.Workflow;
import org.mizan.approval.Workflows;
import org.mizan.config.MizanHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mizan approvals --unit U --period P [--workflow W]}: the approval tree below a unit, what blocks it, and the audit trail. */
@Command(
        name = "approvals",
        mixinStandardHelpOptions = true,
        header = "Shows the approval state of a unit and of the units below it.",
        description = {
            "Shows, per workflow of config/approvals.yml, the approval state of a unit and of the units below it at the",
            "approving levels that hold data in the period (unapproved, ready: nothing below blocks it, approved,",
            "accepted; who and when), what keeps the unit from being approved, and the audit trail of every change.",
            "Example: mizan approvals --unit NP-P1 --period 2024"
        })
public class ApprovalsCommand implements Callable<Integer> {

    @Option(
            names = "--unit",
            required = true,
            description = "the unit's code (e.g. NP-P1, or NP for the whole country)")
    String unit;

    @Option(
            names = "--period",
            required = true,
            description = "the period: 2024, 2024-Q1 or 2024-03, of the workflow's type")
    String period;

    @Option(
            names = "--workflow",
            description = "one workflow (default: every workflow that approves periods of this type)")
    String workflow;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Workflows all = Workflows.load(MizanHome.fromEnvironment());
        List<Workflow> chosen = workflow != null
                ? List.of(all.require(workflow))
                : all.all().stream().filter(w -> w.periodType().matches(period)).toList();
        if (chosen.isEmpty()) {
            throw new ApprovalException("no workflow approves a period like '" + period + "' (config/approvals.yml: "
                    + all.all().stream()
                            .map(w -> w.name() + " by " + w.periodType().label())
                            .toList() + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (JobRunner runner = new JobRunner(spec.commandLine().getErr())) {
            Approvals approvals = runner.bean(Approvals.class);
            for (Workflow w : chosen) {
                Approvals.Target t = approvals.target(w.name(), unit, period);
                out.printf(
                        "workflow %s, %s %s (levels %s)%n",
                        w.name(), w.periodType().label(), period, w.levels());
                Set<String> holding = t.hierarchy().holding(w, period);
                Map<String, ApprovalState> states = approvals.store().states(w.name(), period);
                print(out, approvals, t, t.unit(), holding, states, "");
                List<AuditEntry> audit = approvals.store().audit(w.name(), null, period).stream()
                        .filter(a -> t.hierarchy().isWithin(a.unitCode(), unit)
                                || t.hierarchy().isWithin(unit, a.unitCode()))
                        .toList();
                out.println(audit.isEmpty() ? "audit: no change yet" : "audit:");
                for (AuditEntry a : audit) {
                    out.printf(
                            "  #%d %s %s: %s -> %s by %s at %s%s%n",
                            a.seq(),
                            a.action(),
                            a.unitCode(),
                            a.fromState(),
                            a.toState(),
                            a.changedBy(),
                            a.changedAt(),
                            a.comment() == null ? "" : " \"" + a.comment() + "\"");
                }
            }
            return MizanMain.OK;
        }
    }

    private static void print(
            PrintWriter out,
            Approvals approvals,
            Approvals.Target top,
            Hierarchy.Unit u,
            Set<String> holding,
            Map<String, ApprovalState> states,
            String indent) {
        Approvals.Target t = new Approvals.Target(top.workflow(), u, top.period(), top.hierarchy());
        ApprovalState s = states.get(u.code());
        String line;
        if (s != null && s.isApproved()) {
            line = s.state() + " by " + s.changedBy() + " at " + s.changedAt()
                    + (s.comment() == null ? "" : " \"" + s.comment() + "\"");
        } else {
            List<String> blocking = approvals.blocking(t);
            line = blocking.isEmpty()
                    ? ApprovalState.READY
                    : ApprovalState.UNAPPROVED + ", blocked: " + String.join("; ", blocking);
        }
        out.printf(
                "%s%s (%s, level %d)%s: %s%n",
                indent, u.code(), u.name(), u.level(), holding.contains(u.code()) ? "" : " no data", line);
        int below = top.workflow().levelBelow(u.level());
        if (below >= 0) {
            for (Hierarchy.Unit child : top.hierarchy().below(u.code(), below)) {
                if (holding.contains(child.code())) {
                    print(out, approvals, top, child, holding, states, indent + "  ");
                }
            }
        }
    }
}
