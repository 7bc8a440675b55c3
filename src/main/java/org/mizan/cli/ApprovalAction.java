package org.mizan.cli;

import java.util.concurrent.Callable;
import org.mizan.approval.Approvals;
import org.mizan.approval.Approver;
import org.mizan.config.MizanHome;
import org.mizan.dashboard.web.DashboardUsers;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What {@code approve}, {@code unapprove} and {@code accept} share: the workflow, unit, period and user, checked before anything changes. */
abstract class ApprovalAction implements Callable<Integer> {

    @Option(
            names = "--workflow",
            required = true,
            description = "the workflow, as in config/approvals.yml (e.g. local-reporting)")
    String workflow;

    @Option(names = "--unit", required = true, description = "the unit's code (e.g. NP-P1)")
    String unit;

    @Option(
            names = "--period",
            required = true,
            description = "the period, of the workflow's type: 2024, 2024-Q1 or 2024-03")
    String period;

    @Option(names = "--comment", description = "why, kept with the state and in the audit trail")
    String comment;

    @Option(
            names = "--user",
            description =
                    "who acts: a user of dashboard-users.yml with the approver role (default: MIZAN_USER, else the login name)")
    String user;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract void act(Approvals approvals, Approvals.Target target, Approver who);

    abstract String done();

    @Override
    public Integer call() {
        Approver who = approver(user);
        try (JobRunner runner = new JobRunner(spec.commandLine().getErr())) {
            Approvals approvals = runner.bean(Approvals.class);
            Approvals.Target t = approvals.target(workflow, unit, period);
            act(approvals, t, who);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%s %s for %s in %s (by %s); the warehouse now shows it%n",
                            unit, done(), period, workflow, who.user());
            return MizanMain.OK;
        }
    }

    /** The acting user and the unit its approver role covers. */
    static Approver approver(String given) {
        String name =
                given != null ? given : System.getenv().getOrDefault("MIZAN_USER", System.getProperty("user.name"));
        DashboardUsers users = DashboardUsers.load(System.getenv("MIZAN_DASHBOARD_USERS"), MizanHome.fromEnvironment());
        return new Approver(name, users.approverUnit(name));
    }
}
