package org.mizan.cli;

import org.mizan.approval.Approvals;
import org.mizan.approval.Approver;
import picocli.CommandLine.Command;

/** {@code mizan approve --workflow W --unit U --period P [--comment …]}. */
@Command(
        name = "approve",
        mixinStandardHelpOptions = true,
        header = "Approves a unit's figures for a period.",
        description = {
            "Approves a unit's figures for a period: allowed once every unit below it at the next approving level that holds data is approved.",
            "The user (--user, MIZAN_USER or the login name) needs the approver role for the unit or a unit above it",
            "in dashboard-users.yml. Every change is kept in the audit trail (mizan approvals shows it).",
            "Refused with exit code 2, nothing changed: an unknown workflow, unit or period, a period of another",
            "type than the workflow's, a user without the role, or a unit that is blocked.",
            "Example: mizan approve --workflow local-reporting --unit NP-P1 --period 2024 --comment \"checked\""
        })
public class ApproveCommand extends ApprovalAction {

    @Override
    void act(Approvals approvals, Approvals.Target target, Approver who) {
        approvals.approve(target, who, comment);
    }

    @Override
    String done() {
        return "approved";
    }
}
