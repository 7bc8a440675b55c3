package org.mizan.extract.delivery;

/**
 * What a delivery did: the target (as {@link Delivery#describe()}), the delivered name, the release's file count and
 * bytes (manifest included), the attempts it took, and whether the release was found already delivered.
 */
public record DeliveryReport(
        String target, String name, int files, long bytes, int attempts, boolean alreadyDelivered) {

    /** One line for a log or a run summary. */
    public String summary() {
        return (alreadyDelivered ? "already delivered: " : "delivered: ") + name + " to " + target + " (" + files
                + " files, " + bytes + " bytes, " + attempts + (attempts == 1 ? " attempt)" : " attempts)");
    }
}
