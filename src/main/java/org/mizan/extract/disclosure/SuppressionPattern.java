package org.mizan.extract.disclosure;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The status of every present cell of a {@link CountTable}: published, or suppressed as a primary or secondary. */
public final class SuppressionPattern {

    /** How many cells have each status. */
    public record Counts(int published, int primary, int secondary) {}

    private final String table;
    private final NavigableMap<Cell, CellStatus> statuses;

    private SuppressionPattern(String table, Map<Cell, CellStatus> statuses) {
        this.table = table;
        this.statuses = Collections.unmodifiableNavigableMap(new TreeMap<>(statuses));
    }

    /**
     * A pattern over {@code table} with the given primary and secondary cells suppressed and every other present cell
     * published (the extract job builds them with {@link Suppression#apply}; tests also build them by hand).
     */
    public static SuppressionPattern of(CountTable table, Collection<Cell> primary, Collection<Cell> secondary) {
        Map<Cell, CellStatus> statuses = new TreeMap<>();
        table.values().keySet().forEach(c -> statuses.put(c, CellStatus.PUBLISHED));
        mark(table, statuses, primary, CellStatus.PRIMARY);
        mark(table, statuses, secondary, CellStatus.SECONDARY);
        return new SuppressionPattern(table.name(), statuses);
    }

    private static void mark(
            CountTable table, Map<Cell, CellStatus> statuses, Collection<Cell> cells, CellStatus status) {
        for (Cell cell : cells) {
            CellStatus before = statuses.replace(cell, status);
            if (before == null || before != CellStatus.PUBLISHED && before != status) {
                throw new IllegalArgumentException(table + ": cell " + cell
                        + (before == null
                                ? " is absent, so it is a known 0 and cannot be suppressed"
                                : " cannot be both " + before + " and " + status));
            }
        }
    }

    /**
     * The status of a present cell.
     *
     * @throws IllegalArgumentException when the cell is absent from the table (a known 0, never published as a cell)
     */
    public CellStatus status(String row, String column) {
        CellStatus status = statuses.get(new Cell(row, column));
        if (status == null) {
            throw new IllegalArgumentException(table + ": no cell " + row + "/" + column
                    + " in the table; an absent cell is a known 0 and has no status");
        }
        return status;
    }

    /** Every present cell and its status, in cell order. */
    public NavigableMap<Cell, CellStatus> statuses() {
        return statuses;
    }

    /** The suppressed cells (primary and secondary), in cell order. */
    public List<Cell> suppressed() {
        return statuses.entrySet().stream()
                .filter(e -> e.getValue() != CellStatus.PUBLISHED)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** How many cells are published, primary and secondary. */
    public Counts counts() {
        Map<CellStatus, Long> counts =
                statuses.values().stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        return new Counts(
                counts.getOrDefault(CellStatus.PUBLISHED, 0L).intValue(),
                counts.getOrDefault(CellStatus.PRIMARY, 0L).intValue(),
                counts.getOrDefault(CellStatus.SECONDARY, 0L).intValue());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SuppressionPattern p && p.statuses.equals(statuses);
    }

    @Override
    public int hashCode() {
        return statuses.hashCode();
    }

    /** The suppressed cells with their status, for messages: {@code [D1/F=PRIMARY, R/F=SECONDARY]}. */
    @Override
    public String toString() {
        return statuses.entrySet().stream()
                .filter(e -> e.getValue() != CellStatus.PUBLISHED)
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
