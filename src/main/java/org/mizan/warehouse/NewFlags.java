package org.mizan.warehouse;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import org.mizan.duckdb.SqlFiles;

/**
 * Counts, in a new build, the data-quality flags the previous published build did not have (table
 * {@code quality_new_flags}), by attaching that build read-only for the moment of the comparison.
 */
final class NewFlags {

    private NewFlags() {}

    static void count(Statement s, Path previous) throws SQLException {
        boolean attached = false;
        if (previous != null) {
            try {
                s.execute("attach '" + previous.toString().replace("'", "''") + "' as previous_build (read_only)");
                attached = true;
                s.executeQuery("select flag_id from previous_build.mart_data_quality_flags limit 0")
                        .close();
            } catch (SQLException e) {
                // a build from before the quality checks (or unreadable): every flag is new
                if (attached) {
                    s.execute("detach previous_build");
                }
                attached = false;
            }
        }
        String ids = attached
                ? "select flag_id from previous_build.mart_data_quality_flags"
                : "select null::varchar where false";
        for (String sql : SqlFiles.statements(
                SqlFiles.text("queries/quality_new_flags.sql").replace("{{previous}}", ids))) {
            s.execute(sql);
        }
        if (attached) {
            s.execute("detach previous_build");
        }
    }
}
