package org.mizan.extract.disclosure.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The polytope {@code {x >= 0 : A x = b}} and exact maximisation of one coordinate over it: a two-phase simplex over
 * fractions with Bland's rule (no cycling). Small and dense, sized for one table's suppressed cells.
 */
public final class Simplex {

    private final Tableau tableau;
    private final int[] basis;
    private final int n;

    private Simplex(Tableau tableau, int[] basis, int n) {
        this.tableau = tableau;
        this.basis = basis;
        this.n = n;
    }

    /**
     * The feasible region of {@code a x = b, x >= 0} over {@code n} unknowns, with a first vertex found (phase 1).
     *
     * @throws IllegalStateException when the region is empty (the published values contradict the relations)
     */
    public static Simplex region(List<long[]> a, long[] b, int n) {
        int m = a.size();
        int rhs = n + m;
        Fraction[][] rows = new Fraction[m + 1][rhs + 1];
        for (Fraction[] row : rows) {
            Arrays.fill(row, Fraction.ZERO);
        }
        int[] basis = new int[m];
        for (int i = 0; i < m; i++) {
            long sign = b[i] < 0 ? -1 : 1;
            for (int j = 0; j < n; j++) {
                rows[i][j] = Fraction.of(sign * a.get(i)[j]);
                rows[m][j] = rows[m][j].minus(rows[i][j]);
            }
            rows[i][n + i] = Fraction.ONE;
            rows[i][rhs] = Fraction.of(sign * b[i]);
            rows[m][rhs] = rows[m][rhs].minus(rows[i][rhs]);
            basis[i] = n + i;
        }
        Tableau phaseOne = new Tableau(rows);
        if (!optimise(phaseOne, basis, rhs) || phaseOne.rows[m][rhs].signum() != 0) {
            throw new IllegalStateException("the published values admit no non-negative completion");
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            int entering = -1;
            for (int j = 0; j < n && basis[i] >= n && entering < 0; j++) {
                entering = phaseOne.rows[i][j].isZero() ? -1 : j;
            }
            if (entering >= 0) {
                phaseOne.pivot(i, entering);
                basis[i] = entering;
            }
            if (basis[i] < n) {
                kept.add(i);
            }
        }
        Fraction[][] reduced = new Fraction[kept.size()][n + 1];
        int[] keptBasis = new int[kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            Fraction[] row = phaseOne.rows[kept.get(k)];
            System.arraycopy(row, 0, reduced[k], 0, n);
            reduced[k][n] = row[rhs];
            keptBasis[k] = basis[kept.get(k)];
        }
        return new Simplex(new Tableau(reduced), keptBasis, n);
    }

    /** A point of the region where {@code x_k} is largest, or null when {@code x_k} is unbounded. */
    public Fraction[] maximise(int k) {
        int m = basis.length;
        Fraction[][] rows = new Fraction[m + 1][];
        for (int i = 0; i < m; i++) {
            rows[i] = tableau.rows[i].clone();
        }
        Fraction[] objective = new Fraction[n + 1];
        Arrays.fill(objective, Fraction.ZERO);
        objective[k] = Fraction.ONE.negate();
        for (int i = 0; i < m; i++) {
            if (basis[i] == k) {
                for (int j = 0; j <= n; j++) {
                    objective[j] = objective[j].plus(rows[i][j]);
                }
            }
        }
        rows[m] = objective;
        int[] work = basis.clone();
        Tableau t = new Tableau(rows);
        if (!optimise(t, work, n)) {
            return null;
        }
        Fraction[] x = new Fraction[n];
        Arrays.fill(x, Fraction.ZERO);
        for (int i = 0; i < m; i++) {
            x[work[i]] = t.rows[i][n];
        }
        return x;
    }

    /** Maximises the objective in the last row over columns before {@code rhs}; false when unbounded. */
    private static boolean optimise(Tableau t, int[] basis, int rhs) {
        Fraction[] objective = t.rows[basis.length];
        while (true) {
            int entering = -1;
            for (int j = 0; j < rhs && entering < 0; j++) {
                entering = objective[j].signum() < 0 ? j : -1;
            }
            if (entering < 0) {
                return true;
            }
            int leaving = -1;
            Fraction best = null;
            for (int i = 0; i < basis.length; i++) {
                if (t.rows[i][entering].signum() > 0) {
                    Fraction ratio = t.rows[i][rhs].dividedBy(t.rows[i][entering]);
                    int order = best == null ? -1 : ratio.compareTo(best);
                    if (order < 0 || order == 0 && basis[i] < basis[leaving]) {
                        leaving = i;
                        best = ratio;
                    }
                }
            }
            if (leaving < 0) {
                return false;
            }
            t.pivot(leaving, entering);
            basis[leaving] = entering;
            objective = t.rows[basis.length];
        }
    }
}
