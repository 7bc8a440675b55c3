package org.mizan.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.mizan.duckdb.SqlFiles;

/** Puts the checks and the review decisions into a warehouse build as the tables its SQL reads. */
public final class QualityTables {

    private QualityTables() {}

    public static void load(Connection c, List<QualityCheck> checks, List<Review> reviews) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : SqlFiles.statements(SqlFiles.text("queries/quality_config.sql"))) {
                s.execute(sql);
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                SqlFiles.text("queries/quality_insert_check.sql").strip())) {
            for (QualityCheck q : checks) {
                Object[] v = {
                    q.name(),
                    q.method(),
                    q.dataset(),
                    q.measure(),
                    q.across(),
                    q.threshold(),
                    q.k(),
                    q.minPoints(),
                    q.entryTypes() == null ? null : String.join(",", q.entryTypes()),
                    q.floorYear(),
                    q.maxSharePct(),
                    q.of(),
                    q.factor(),
                    q.tolerancePct()
                };
                bind(p, v);
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                SqlFiles.text("queries/quality_insert_review.sql").strip())) {
            for (Review r : reviews) {
                bind(p, new Object[] {
                    r.flagId(),
                    r.decision(),
                    r.reason(),
                    r.exclude(),
                    r.reviewedAt(),
                    r.check(),
                    r.dataset(),
                    r.record(),
                    r.value()
                });
            }
        }
    }

    private static void bind(PreparedStatement p, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                p.setNull(i + 1, Types.VARCHAR);
            } else {
                p.setObject(i + 1, values[i]);
            }
        }
        p.executeUpdate();
    }
}
