package org.mizan.extract.disclosure;

/**
 * The disclosure rules: a cell is a primary suppression when its count is below {@code threshold}.
 * With {@code suppressZeros} (the default) a zero is below the threshold like any other small count, as the issue
 * asks ("every cell below the threshold"): publishing a 0 tells a reader that nobody in that unit and category
 * exists, which is a disclosure about the others. Cells that are absent from the table are known zeros by
 * construction and are never cells, so this rule only concerns zeros that are present.
 */
public record Rules(int threshold, boolean suppressZeros) {

    /** The default threshold of the issue: counts of 0 to 4 are suppressed. */
    public static final int DEFAULT_THRESHOLD = 5;

    /** Rules; the threshold must be at least 1. */
    public Rules {
        if (threshold < 1) {
            throw new IllegalArgumentException("disclosure threshold must be at least 1, got " + threshold
                    + ": set it to the smallest count that may be published");
        }
    }

    /** Threshold 5, zeros suppressed. */
    public static Rules defaults() {
        return new Rules(DEFAULT_THRESHOLD, true);
    }

    /** Whether a count is a primary suppression under these rules. */
    public boolean isPrimary(long value) {
        return value < threshold && (value > 0 || suppressZeros);
    }
}
