package org.mizan.extract.disclosure.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mizan.extract.disclosure.Cell;
import org.mizan.extract.disclosure.CountTable;

/**
 * What an attacker knows of a table once a set of cells is suppressed: one equation per relation that holds a
 * suppressed cell, over the suppressed cells (and, for an inexact relation, one non-negative slack: the people homed
 * at the parent's own level), with the published cells moved to the right-hand side. Unknowns are the suppressed cells
 * in cell order, then the slacks.
 */
public final class SuppressedSystem {

    /** The suppressed cells; unknown {@code i < cells.size()} is {@code cells.get(i)}. */
    public final List<Cell> cells;
    /** The relations kept, one per equation. */
    public final List<Relation> relations = new ArrayList<>();
    /** The equations' coefficients, one array per relation kept. */
    public final List<long[]> rows = new ArrayList<>();
    /** The right-hand sides: minus the signed sum of the relation's published cells. */
    public final long[] rhs;
    /** The true value of every unknown (a point of the attacker's feasible region). */
    public final long[] truth;
    /** The number of unknowns. */
    public final int size;

    /** The system of {@code table} with {@code suppressed} cells unknown. */
    public SuppressedSystem(CountTable table, Set<Cell> suppressed) {
        cells = suppressed.stream().sorted().toList();
        Map<Cell, Integer> index = new HashMap<>();
        cells.forEach(c -> index.put(c, index.size()));
        List<Relation> kept = table.relations().stream()
                .filter(r -> r.cells().stream().anyMatch(index::containsKey))
                .toList();
        int slacks = (int) kept.stream().filter(r -> !r.exact()).count();
        size = cells.size() + slacks;
        rhs = new long[kept.size()];
        truth = new long[size];
        cells.forEach(c -> truth[index.get(c)] = table.values().get(c));
        int slack = cells.size();
        for (Relation relation : kept) {
            long[] row = new long[size];
            long constant = 0;
            long balance = 0;
            for (Cell cell : relation.cells()) {
                long signed = relation.coefficient(cell) * table.values().get(cell);
                balance += signed;
                Integer i = index.get(cell);
                if (i == null) {
                    constant -= signed;
                } else {
                    row[i] = relation.coefficient(cell);
                }
            }
            if (!relation.exact()) {
                row[slack] = -1;
                truth[slack++] = balance;
            }
            rhs[relations.size()] = constant;
            relations.add(relation);
            rows.add(row);
        }
    }

    /** Whether unknown {@code i} is a slack rather than a cell. */
    public boolean isSlack(int i) {
        return i >= cells.size();
    }
}
