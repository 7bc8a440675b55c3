package org.mizan.approval;

/** Who acts: a user name and the unit its {@code approver} role covers (null: the user has no approver role). */
public record Approver(String user, String unit) {}
