package org.mizan.extract.disclosure;

import java.util.Comparator;
import java.util.Objects;

/**
 * One cell of a {@link CountTable}: a row (a unit code) and a column (a category such as a sex, or the total column).
 * Cells sort by row key, then column key: the fixed order that breaks every tie in suppression.
 */
public record Cell(String row, String column) implements Comparable<Cell> {

    private static final Comparator<Cell> ORDER =
            Comparator.comparing(Cell::row).thenComparing(Cell::column);

    /** A cell; neither key may be null. */
    public Cell {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(column, "column");
    }

    @Override
    public int compareTo(Cell other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return row + "/" + column;
    }
}
