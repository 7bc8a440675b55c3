package org.mizan.quality;

/** A steward's decision on one flag: accepted (the value is right) or rejected (wrong), and whether it is excluded. */
public record Review(
        String flagId,
        String decision,
        String reason,
        boolean exclude,
        String reviewedAt,
        String check,
        String dataset,
        String record,
        String value) {

    public static final String ACCEPT = "accepted";
    public static final String REJECT = "rejected";
}
