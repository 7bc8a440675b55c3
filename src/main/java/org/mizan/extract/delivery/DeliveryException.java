package org.mizan.extract.delivery;

/**
 * A delivery that failed: the message says what failed and what to do, and never holds a password.
 * A permanent failure (a refused host key, a different release under the same name, a bad release directory) is not
 * retried; any other one is, under the delivery's {@link RetryPolicy}.
 */
public class DeliveryException extends Exception {

    private final boolean permanent;

    public DeliveryException(String message, Throwable cause) {
        this(message, cause, false);
    }

    DeliveryException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    static DeliveryException permanent(String message) {
        return new DeliveryException(message, null, true);
    }

    /** True when retrying cannot help: the configuration or the release must change first. */
    public boolean isPermanent() {
        return permanent;
    }
}
