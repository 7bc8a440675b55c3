package org.mizan.cli;

import org.mizan.approval.Approvals;
import org.mizan.approval.Approver;
import picocli.CommandLine.Command;

/** {@code mizan unapprove --workflow W --unit U --period P [--comment …]}. */
@Command(
        name = "unapprove",
        mixinStandardHelpOptions = true,
        header = "Undoes an approval while the level above has not approved.",
        description = {
            "Undoes an approval, while the unit above has not approved.",
            "The user (--user, MIZAN_USER or the login name) needs the approver role for the unit or a unit above it",
            "in dashboard-users.yml. Every change is kept in the audit trail (mizan approvals shows it).",
            "Refused with exit code 2, nothing changed: an unknown workflow, unit or period, a period of another",
            "type than the workflow's, a user without the role, or a unit that is blocked.",
            "Example: mizan unapprove --workflow local-reporting --unit NP-P1 --period 2024 --comment \"checked\""
        })
public class UnapproveCommand extends ApprovalAction {

    @Override
    void act(Approvals approvals, Approvals.Target target, Approver who) {
        approvals.unapprove(target, who, comment);
    }

    @Override
    String done() {
        return "unapproved";
    }
}
