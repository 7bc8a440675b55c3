package org.mizan.normalise;

/** Thrown by a check: the row breaks {@code rule}. Carries no stack trace: rejects are data, not failures. */
public final class RowRejected extends RuntimeException {

    private final Rule rule;

    public RowRejected(Rule rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
