package org.mizan.approval;

/** An approval refused or asked for wrongly (unknown workflow, unit or period, a unit that blocks, no right): a usage error, nothing changed. */
public class ApprovalException extends RuntimeException {
    public ApprovalException(String message) {
        super(message);
    }

    /** The user may not do this (no approver role, or another unit's): HTTP 403 on the dashboard. */
    public static class NotAllowed extends ApprovalException {
        public NotAllowed(String message) {
            super(message);
        }
    }
}
