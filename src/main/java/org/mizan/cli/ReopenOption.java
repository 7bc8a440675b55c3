package org.mizan.cli;

import java.io.PrintWriter;
import org.mizan.approval.ApprovalException;
import org.mizan.approval.LoadLock;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Option;

/** {@code --reopen "reason"} of run, rerun and backfill: load data an approval covers, undoing that approval and the ones above it. */
final class ReopenOption {

    @Option(
            names = "--reopen",
            paramLabel = "REASON",
            description =
                    "load even where an approval covers the data: unapproves the"
                            + " unit and every level above it for the period, keeping REASON in the audit trail (mizan approvals shows it)")
    String reason;

    @Option(names = "--user", description = "who reopens (default: MIZAN_USER, else the login name)")
    String user;

    /** Arms the lock of this command's loads to reopen instead of refusing, when --reopen was given. */
    void arm(JobRunner runner) {
        if (reason != null) {
            runner.keepApplicationToItself();
            runner.bean(LoadLock.class)
                    .reopening(reason, ApprovalAction.approver(user).user());
        }
    }

    /**
     * A load refused at its lake commit because its staged rows fall under an approval (a file never delivered
     * before): the refusal itself, thrown as it is, so the steward reads the one plain line (exit 2) naming the
     * approval and --reopen, as for a refusal before the load started.
     */
    static void rethrowRefusal(JobExecution execution) {
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof ApprovalException a) {
                    throw a;
                }
            }
        }
    }

    /** Names what the loads reopened. */
    void report(JobRunner runner, PrintWriter out) {
        for (String r : runner.bean(LoadLock.class).reopened()) {
            out.println("reopened (unapproved): " + r + " — \"" + reason + "\"");
        }
    }
}
