package org.mizan.extract.disclosure.internal;

import java.util.Arrays;

/** A dense matrix of exact fractions with the Gauss-Jordan pivot that both the row-space test and the simplex use. */
final class Tableau {

    final Fraction[][] rows;

    Tableau(Fraction[][] rows) {
        this.rows = rows;
    }

    /** A matrix of integers, as fractions. */
    static Tableau of(long[][] matrix) {
        Fraction[][] rows = new Fraction[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            rows[i] = Arrays.stream(matrix[i]).mapToObj(Fraction::of).toArray(Fraction[]::new);
        }
        return new Tableau(rows);
    }

    /** A deep copy. */
    Tableau copy() {
        return new Tableau(Arrays.stream(rows).map(Fraction[]::clone).toArray(Fraction[][]::new));
    }

    /** Scales row {@code r} so that its entry in column {@code c} is 1 and clears column {@code c} in every other row. */
    void pivot(int r, int c) {
        Fraction[] pivotRow = rows[r];
        Fraction scale = pivotRow[c];
        for (int j = 0; j < pivotRow.length; j++) {
            if (!pivotRow[j].isZero()) {
                pivotRow[j] = pivotRow[j].dividedBy(scale);
            }
        }
        for (int i = 0; i < rows.length; i++) {
            Fraction factor = rows[i][c];
            if (i == r || factor.isZero()) {
                continue;
            }
            Fraction[] row = rows[i];
            for (int j = 0; j < row.length; j++) {
                if (!pivotRow[j].isZero()) {
                    row[j] = row[j].minus(factor.times(pivotRow[j]));
                }
            }
        }
    }

    void swap(int a, int b) {
        Fraction[] t = rows[a];
        rows[a] = rows[b];
        rows[b] = t;
    }
}
