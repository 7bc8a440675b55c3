package org.mizan.extract.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.mizan.extract.disclosure.internal.Relation;

/**
 * Primary and secondary suppression of a {@link CountTable}.
 *
 * <p>Primary: every present cell whose count is below the threshold ({@link Rules#isPrimary}). Secondary, repeated
 * until stable: every exact relation with exactly one suppressed cell gets a complementary suppression; then the
 * {@link Audit} looks for any suppressed cell still recoverable (through a combination of relations or through
 * non-negativity), and a further complementary suppression is added in one of that cell's relations. A complement is
 * always the unsuppressed cell with the smallest non-zero count (zeros last), ties broken by cell order, so the same
 * table gives the same pattern whatever the order its cells were given in, and unchanged inputs give the same
 * pattern in the next release.
 *
 * <p>Cells that the table's shape alone fixes (a present 0 that is, say, the only cell of a row with no categories)
 * are {@linkplain #knownFromShape known from the shape}: they can only be 0 whatever is suppressed, tell nothing, and
 * are published like the absent cells they stand for.
 */
public final class Suppression {

    private final CountTable table;
    private final Map<Cell, List<Relation>> relationsOf = new HashMap<>();
    private final Set<Cell> known;
    private final Set<Cell> suppressed = new HashSet<>();

    private Suppression(CountTable table) {
        this.table = table;
        for (Relation relation : table.relations()) {
            relation.cells()
                    .forEach(c -> relationsOf
                            .computeIfAbsent(c, k -> new ArrayList<>())
                            .add(relation));
        }
        this.known = knownFromShape(table);
    }

    /**
     * The suppression pattern of {@code table} under {@code rules}; {@link Audit#recoverable} is empty for it.
     *
     * @throws ArithmeticException   if the exact arithmetic of the audit would overflow a {@code long} (the job must
     *                               then fail rather than publish)
     * @throws IllegalStateException if a cell stays recoverable with every cell around it suppressed
     */
    public static SuppressionPattern apply(CountTable table, Rules rules) {
        Suppression run = new Suppression(table);
        List<Cell> primary = table.values().entrySet().stream()
                .filter(e -> rules.isPrimary(e.getValue()) && !run.known.contains(e.getKey()))
                .map(Map.Entry::getKey)
                .toList();
        run.suppressed.addAll(primary);
        List<Cell> secondary = run.secondary();
        return SuppressionPattern.of(table, primary, secondary);
    }

    /** The present cells whose value the relations fix even with every cell suppressed (all are 0). */
    public static SortedSet<Cell> knownFromShape(CountTable table) {
        SortedSet<Cell> known = new TreeSet<>();
        Audit.recoverable(table, table.values().keySet()).forEach(r -> known.add(r.cell()));
        return known;
    }

    private List<Cell> secondary() {
        List<Cell> added = new ArrayList<>();
        while (true) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Relation relation : table.relations()) {
                    List<Cell> hidden = relation.cells().stream()
                            .filter(suppressed::contains)
                            .toList();
                    Optional<Cell> complement =
                            relation.exact() && hidden.size() == 1 ? best(relation.cells()) : Optional.empty();
                    if (complement.isPresent()) {
                        suppressed.add(complement.get());
                        added.add(complement.get());
                        changed = true;
                    }
                }
            }
            List<Audit.Recovery> recoverable = Audit.recoverable(table, suppressed);
            if (recoverable.isEmpty()) {
                return added;
            }
            Cell complement = complementNear(recoverable.get(0).cell());
            suppressed.add(complement);
            added.add(complement);
        }
    }

    /**
     * The complement for a recoverable cell: the best candidate in the cell's own relations, else in the relations of
     * the suppressed cells that share a relation with it, and so on outwards.
     */
    private Cell complementNear(Cell recoverable) {
        Set<Relation> seen = new HashSet<>();
        Set<Cell> reached = new HashSet<>(Set.of(recoverable));
        Set<Cell> frontier = Set.of(recoverable);
        while (!frontier.isEmpty()) {
            Set<Relation> ring = new LinkedHashSet<>();
            frontier.forEach(c -> relationsOf.getOrDefault(c, List.of()).stream()
                    .filter(seen::add)
                    .forEach(ring::add));
            List<Cell> cells =
                    ring.stream().flatMap(r -> r.cells().stream()).distinct().toList();
            Optional<Cell> best = best(cells);
            if (best.isPresent()) {
                return best.get();
            }
            frontier = new HashSet<>(cells.stream().filter(reached::add).toList());
        }
        throw new IllegalStateException(table + ": cell " + recoverable + " stays recoverable with every cell around"
                + " it suppressed; report this table to the maintainers");
    }

    /** The unsuppressed cell with the smallest non-zero count, then zeros, ties by cell order. */
    private Optional<Cell> best(List<Cell> cells) {
        Comparator<Cell> order = Comparator.<Cell>comparingInt(
                        c -> table.values().get(c) == 0 ? 1 : 0)
                .thenComparingLong(c -> table.values().get(c))
                .thenComparing(Comparator.naturalOrder());
        return cells.stream()
                .filter(c -> !suppressed.contains(c) && !known.contains(c))
                .min(order);
    }
}
