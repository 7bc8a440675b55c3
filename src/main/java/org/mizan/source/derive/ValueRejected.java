package org.mizan.source.derive;

/** A derived value that cannot be computed from the row: the row is rejected with {@code rule} and the message. */
public class ValueRejected extends RuntimeException {

    private final String rule;

    public ValueRejected(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** The rule code ({@code bad_country}, {@code bad_number}, …). */
    public String rule() {
        return rule;
    }
}
