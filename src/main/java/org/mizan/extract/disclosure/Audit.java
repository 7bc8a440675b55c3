package org.mizan.extract.disclosure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mizan.extract.disclosure.internal.Fraction;
import org.mizan.extract.disclosure.internal.RowSpace;
import org.mizan.extract.disclosure.internal.Simplex;
import org.mizan.extract.disclosure.internal.SuppressedSystem;

/**
 * The exact check that no suppressed cell can be recovered from the published cells and the table's relations, by an
 * attacker who knows that counts are non-negative. The extract job runs it last and fails rather than publish when
 * it finds anything.
 *
 * <p>A suppressed cell is recoverable when it has the same value in every non-negative completion of the published
 * table. That happens in three ways, each found exactly (fractions, no floating point): a relation's suppressed cells
 * all count on the same side and its published residual is 0, so they are all 0 ({@link How#ZERO_RESIDUAL}); the cell
 * is determined by the linear system of the relations, its unit vector lying in their row space ({@link How#LINEAR});
 * or non-negativity across several relations forces some cells to 0 (found by a simplex) and, with those, the cell is
 * determined ({@link How#BOUNDS}).
 */
public final class Audit {

    /** How a suppressed cell is recovered. */
    public enum How {
        /** A relation whose suppressed cells are all on one side has a published residual of 0: they are all 0. */
        ZERO_RESIDUAL,
        /** The relations determine the cell: a linear combination of them isolates it. */
        LINEAR,
        /** Non-negativity across several relations forces zeros that, with the relations, determine the cell. */
        BOUNDS
    }

    /**
     * One recoverable cell.
     *
     * @param cell    the suppressed cell that can be recovered
     * @param how     the way it is recovered
     * @param through the relation that gives it away, or the words "a combination of relations"
     */
    public record Recovery(Cell cell, How how, String through) {}

    private static final String COMBINATION = "a combination of relations";

    private Audit() {}

    /** The suppressed cells of {@code pattern} that can be recovered, in cell order; empty when the table is safe. */
    public static List<Recovery> recoverable(CountTable table, SuppressionPattern pattern) {
        return recoverable(table, new HashSet<>(pattern.suppressed()));
    }

    static List<Recovery> recoverable(CountTable table, Set<Cell> suppressed) {
        SuppressedSystem system = new SuppressedSystem(table, suppressed);
        How[] how = new How[system.size];
        String[] through = new String[system.size];
        for (int e = 0; e < system.rows.size(); e++) {
            long[] row = system.rows.get(e);
            if (system.rhs[e] == 0 && oneSided(row)) {
                for (int i = 0; i < system.size; i++) {
                    if (row[i] != 0 && how[i] == null) {
                        how[i] = How.ZERO_RESIDUAL;
                        through[i] = system.relations.get(e).label();
                    }
                }
            }
        }
        mark(how, through, RowSpace.determined(system.rows, system.size), How.LINEAR);
        List<long[]> withZeros = new ArrayList<>(system.rows);
        for (int zero : implicitZeros(system, how)) {
            long[] unit = new long[system.size];
            unit[zero] = 1;
            withZeros.add(unit);
        }
        if (withZeros.size() > system.rows.size()) {
            mark(how, through, RowSpace.determined(withZeros, system.size), How.BOUNDS);
        }
        List<Recovery> recoveries = new ArrayList<>();
        for (int i = 0; i < system.cells.size(); i++) {
            if (how[i] != null) {
                recoveries.add(new Recovery(system.cells.get(i), how[i], through[i]));
            }
        }
        return recoveries;
    }

    private static boolean oneSided(long[] row) {
        boolean plus = false;
        boolean minus = false;
        for (long a : row) {
            plus |= a > 0;
            minus |= a < 0;
        }
        return plus != minus;
    }

    private static void mark(How[] how, String[] through, boolean[] determined, How way) {
        for (int i = 0; i < how.length; i++) {
            if (determined[i] && how[i] == null) {
                how[i] = way;
                through[i] = COMBINATION;
            }
        }
    }

    /**
     * The unknowns that are 0 in every completion. Only an unknown that is truly 0 can be one; those already
     * recovered are; for the others one simplex maximisation each tells, and every unknown positive at the optimum
     * found is settled on the way.
     */
    private static List<Integer> implicitZeros(SuppressedSystem system, How[] known) {
        List<Integer> zeros = new ArrayList<>();
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < system.size; i++) {
            if (system.truth[i] == 0) {
                (known[i] != null ? zeros : open).add(i);
            }
        }
        if (open.isEmpty()) {
            return zeros;
        }
        Simplex region = Simplex.region(system.rows, system.rhs, system.size);
        boolean[] positive = new boolean[system.size];
        for (int k : open) {
            if (!positive[k]) {
                Fraction[] optimum = region.maximise(k);
                positive[k] = optimum == null;
                for (int j = 0; optimum != null && j < system.size; j++) {
                    positive[j] |= optimum[j].signum() > 0;
                }
            }
            if (!positive[k]) {
                zeros.add(k);
            }
        }
        return zeros;
    }
}
