package org.mizan.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mizan.duckdb.DuckDb;
import org.mizan.duckdb.SqlFiles;

/**
 * Golden values for warehouse/build/71_quality_scores.sql, worked out by hand on small series: the modified
 * z-score 0.6745 (x - median) / MAD, its stand-in when MAD = 0, a constant series, a series too short to judge,
 * and Tukey's IQR fences with interpolated quartiles.
 */
class QualityScoresTest {

    private static final List<QualityCheck> CHECKS = List.of(
            new QualityCheck(
                    "z",
                    "modified_zscore",
                    "remittance_inflows",
                    "amount_usd",
                    "history",
                    3.5,
                    null,
                    6,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
            new QualityCheck(
                    "fences",
                    "iqr",
                    "remittance_inflows",
                    "amount_usd",
                    "history",
                    null,
                    1.5,
                    6,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));

    private List<String> scored(String points) throws SQLException {
        try (Connection c = DuckDb.inMemory();
                Statement s = c.createStatement()) {
            QualityTables.load(c, CHECKS, List.of());
            s.execute(
                    "create temp table int_quality_points (check_name varchar, dataset varchar, measure varchar, unit_code varchar,"
                            + " period varchar, value double, grp varchar)");
            s.execute(
                    "insert into int_quality_points select check_name, 'remittance_inflows', 'amount_usd', grp, period, value, grp from (values "
                            + points + ") t(check_name, grp, period, value)");
            for (String sql : SqlFiles.statements(SqlFiles.text("build/71_quality_scores.sql"))) {
                s.execute(sql);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery(
                    "select unit_code, value, score, round(expected_low, 4), round(expected_high, 4), verdict"
                            + " from int_quality_scored order by check_name, unit_code, period")) {
                while (r.next()) {
                    out.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4) + " "
                            + r.getString(5) + " " + r.getString(6));
                }
            }
            return out;
        }
    }

    private static String series(String check, String unit, double... values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(b.isEmpty() ? "" : ", ")
                    .append("('")
                    .append(check)
                    .append("', '")
                    .append(unit)
                    .append("', '2024-")
                    .append(String.format("%02d", i + 1))
                    .append("', ")
                    .append(values[i])
                    .append(")");
        }
        return b.toString();
    }

    @Test
    void modifiedZScoreOnTheMedianAbsoluteDeviation() throws SQLException {
        // given: median 12; |x - 12| = 2,0,1,1,0,1,28, so MAD = 1; 40 scores 0.6745 × 28 / 1 = 18.886
        // the expected range is 12 ± 3.5 × 1 / 0.6745 = 6.8110 .. 17.1890
        assertThat(scored(series("z", "U1", 10, 12, 11, 13, 12, 11, 40)))
                .containsExactly(
                        "U1 10.0 -1.349 6.811 17.189 ok",
                        "U1 12.0 0.0 6.811 17.189 ok",
                        "U1 11.0 -0.6745 6.811 17.189 ok",
                        "U1 13.0 0.6745 6.811 17.189 ok",
                        "U1 12.0 0.0 6.811 17.189 ok",
                        "U1 11.0 -0.6745 6.811 17.189 ok",
                        "U1 40.0 18.886 6.811 17.189 outlier");
    }

    @Test
    void aZeroMadUsesTheMeanAbsoluteDeviationAndNeverDividesByZero() throws SQLException {
        // given: six 5s and a 9: MAD = 0; MeanAD = 4/7; 9 scores 4 / (1.253314 × 4/7) = 5.5852, range 5 ± 3.5 ×
        // 0.716179
        assertThat(scored(series("z", "U2", 5, 5, 5, 5, 5, 5, 9)))
                .containsExactly(
                        "U2 5.0 0.0 2.4934 7.5066 ok",
                        "U2 5.0 0.0 2.4934 7.5066 ok",
                        "U2 5.0 0.0 2.4934 7.5066 ok",
                        "U2 5.0 0.0 2.4934 7.5066 ok",
                        "U2 5.0 0.0 2.4934 7.5066 ok",
                        "U2 5.0 0.0 2.4934 7.5066 ok",
                        "U2 9.0 5.5852 2.4934 7.5066 outlier");
        // and a constant series: MAD and MeanAD both 0, every score 0, nothing flagged
        assertThat(scored(series("z", "U3", 7, 7, 7, 7, 7, 7))).containsOnly("U3 7.0 0.0 7.0 7.0 ok");
    }

    @Test
    void aSeriesTooShortSaysNotEnoughHistory() throws SQLException {
        // given: three months where six are needed: neither flagged nor passed, even 100 against 1 and 2
        assertThat(scored(series("z", "U4", 1, 2, 100)))
                .containsExactly(
                        "U4 1.0 null null null not enough history",
                        "U4 2.0 null null null not enough history",
                        "U4 100.0 null null null not enough history");
    }

    @Test
    void iqrFencesWithInterpolatedQuartiles() throws SQLException {
        // given: 1..8 and 100 (n = 9): Q1 at position 2 = 3, Q3 at position 6 = 7, IQR 4, fences 3 - 6 = -3 and 7 + 6 =
        // 13
        List<String> rows = scored(series("fences", "U5", 1, 2, 3, 4, 5, 6, 7, 8, 100));
        assertThat(rows).hasSize(9);
        assertThat(rows.subList(0, 8)).allMatch(r -> r.endsWith(" null -3.0 13.0 ok"));
        assertThat(rows.get(8)).isEqualTo("U5 100.0 null -3.0 13.0 outlier");
    }
}
