package org.mizan.approval;

/** An approval refused or asked for wrongly (unknown workflow, unit or period, a unit that blocks, no right): a usage error, nothing changed. */
public class ApprovalException extends RuntimeException {
    public ApprovalException(String message) {
        super(message);
    }
}
