package org.mizan.extract.disclosure;

/** What a suppression pattern says of one cell: published, suppressed for being small, or suppressed to protect one. */
public enum CellStatus {
    /** The value is published. */
    PUBLISHED,
    /** Suppressed because the count is below the threshold. */
    PRIMARY,
    /** Suppressed (complementary suppression) so that no primary cell can be recovered from the totals. */
    SECONDARY
}
