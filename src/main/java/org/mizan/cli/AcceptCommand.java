package org.mizan.cli;

import org.mizan.approval.Approvals;
import org.mizan.approval.Approver;
import picocli.CommandLine.Command;

/** {@code mizan accept --workflow W --unit U --period P [--comment …]}. */
@Command(
        name = "accept",
        mixinStandardHelpOptions = true,
        header = "Accepts the approval of the level below.",
        description = {
            "Accepts an approval of the level below (for levels listed under accept: in config/approvals.yml).",
            "The user (--user, MIZAN_USER or the login name) needs the approver role for the unit or a unit above it",
            "in dashboard-users.yml. Every change is kept in the audit trail (mizan approvals shows it).",
            "Refused with exit code 2, nothing changed: an unknown workflow, unit or period, a period of another",
            "type than the workflow's, a user without the role, or a unit that is blocked.",
            "Example: mizan accept --workflow local-reporting --unit NP-P1 --period 2024 --comment \"checked\""
        })
public class AcceptCommand extends ApprovalAction {

    @Override
    void act(Approvals approvals, Approvals.Target target, Approver who) {
        approvals.accept(target, who, comment);
    }

    @Override
    String done() {
        return "accepted";
    }
}
