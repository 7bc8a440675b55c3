package org.mizan.approval;

import java.time.LocalDateTime;

/** One transition of the audit trail: the action (approve, unapprove, accept, reopen), the states before and after, who, when, why. */
public record AuditEntry(
        long seq,
        String workflow,
        String unitCode,
        String period,
        String action,
        String fromState,
        String toState,
        String changedBy,
        LocalDateTime changedAt,
        String comment) {}
