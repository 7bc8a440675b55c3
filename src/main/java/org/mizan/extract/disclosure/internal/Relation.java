package org.mizan.extract.disclosure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mizan.extract.disclosure.Cell;

/**
 * One additive relation of a table: {@code head = sum(parts)}, or {@code head >= sum(parts)} when not exact (a parent
 * that also counts people homed at its own level). The head cell may be absent from the table (a known 0); absent
 * parts are simply left out.
 *
 * @param label      what the relation is, in words ("row NP-P1", "column F under NP-P1")
 * @param head       the total or parent cell
 * @param headExists whether the head cell is present in the table (else it is a known 0 and not a variable)
 * @param parts      the present cells that add up to the head, in cell order
 * @param exact      false when the head may exceed the sum of its parts
 */
public record Relation(String label, Cell head, boolean headExists, List<Cell> parts, boolean exact) {

    /** A relation; parts are copied. */
    public Relation {
        parts = List.copyOf(parts);
    }

    /** The present cells of the relation, head first. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>(parts.size() + 1);
        if (headExists) {
            cells.add(head);
        }
        cells.addAll(parts);
        return cells;
    }

    /** +1 for the head, -1 for a part: the relation reads {@code sum(coefficient * cell) = 0} (or {@code >= 0}). */
    public int coefficient(Cell cell) {
        return headExists && cell.equals(head) ? 1 : -1;
    }

    /** Whether the values satisfy the relation. */
    public boolean holds(Map<Cell, Long> values) {
        long difference = headValue(values) - partsSum(values);
        return exact ? difference == 0 : difference >= 0;
    }

    /** The relation and its numbers, for an error message. */
    public String describe(Map<Cell, Long> values) {
        String terms = parts.stream()
                .map(p -> p.row() + "/" + p.column() + "=" + values.get(p))
                .collect(Collectors.joining(", "));
        return label + ": " + head + " = " + headValue(values) + (headExists ? "" : " (absent, so 0)")
                + " but the sum of " + (parts.isEmpty() ? "no cells" : terms) + " is " + partsSum(values)
                + (exact ? "" : " (an inexact parent may exceed the sum of its children, never fall short of it)");
    }

    private long headValue(Map<Cell, Long> values) {
        return headExists ? values.get(head) : 0L;
    }

    private long partsSum(Map<Cell, Long> values) {
        long sum = 0;
        for (Cell part : parts) {
            sum = Math.addExact(sum, values.get(part));
        }
        return sum;
    }
}
