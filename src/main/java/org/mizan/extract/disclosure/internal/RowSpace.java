package org.mizan.extract.disclosure.internal;

import java.util.List;

/** Which unknowns a system of linear equations determines: those whose unit vector lies in the row space. */
public final class RowSpace {

    private RowSpace() {}

    /**
     * For equations {@code rows[i] . x = b_i} over {@code n} unknowns (the right-hand sides do not matter), whether
     * each unknown has the same value in every solution. Exact: reduced row echelon form over fractions; an unknown is
     * determined when it is a pivot column whose row has no entry in any free column.
     */
    public static boolean[] determined(List<long[]> rows, int n) {
        Tableau t = Tableau.of(rows.toArray(long[][]::new));
        int rank = 0;
        int[] pivotColumnOfRow = new int[rows.size()];
        for (int c = 0; c < n && rank < rows.size(); c++) {
            int found = -1;
            for (int i = rank; i < rows.size() && found < 0; i++) {
                if (!t.rows[i][c].isZero()) {
                    found = i;
                }
            }
            if (found >= 0) {
                t.swap(rank, found);
                t.pivot(rank, c);
                pivotColumnOfRow[rank++] = c;
            }
        }
        boolean[] determined = new boolean[n];
        for (int i = 0; i < rank; i++) {
            int nonZero = 0;
            for (int j = 0; j < n; j++) {
                nonZero += t.rows[i][j].isZero() ? 0 : 1;
            }
            determined[pivotColumnOfRow[i]] = nonZero == 1;
        }
        return determined;
    }
}
