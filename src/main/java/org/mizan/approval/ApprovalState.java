package org.mizan.approval;

import java.time.LocalDateTime;

/** The state of one workflow, unit and period: {@code unapproved}, {@code approved} or {@code accepted}, with who set it, when and why. */
public record ApprovalState(
        String workflow,
        String unitCode,
        String period,
        String state,
        String changedBy,
        LocalDateTime changedAt,
        String comment) {

    public static final String UNAPPROVED = "unapproved";
    public static final String READY = "ready";
    public static final String APPROVED = "approved";
    public static final String ACCEPTED = "accepted";

    /** Approved, or approved and then accepted by the level above. */
    public boolean isApproved() {
        return APPROVED.equals(state) || ACCEPTED.equals(state);
    }
}
