package org.mizan.lake;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.mizan.duckdb.DuckDb;
import org.mizan.duckdb.SqlFiles;

/**
 * The duplicate check a load cannot make when it starts: transactions that another load, running at the same
 * time, committed after this one read the keys already loaded. Run under the lake's lock, just before commit.
 */
public final class ConcurrentDuplicates {

    /** What was found: how many, the first line in this load, and a file of the other load. */
    public record Found(long count, long firstLine, String otherFile) {}

    private ConcurrentDuplicates() {}

    /**
     * @param snapshot the commit log's size when this load read the loaded keys, or 0 when unknown (a restart):
     *                 then every other unit is checked
     */
    public static Found check(Lake lake, String unit, long snapshot, List<Path> staged) throws IOException {
        Dataset dataset = Dataset.REMITTANCE_TRANSACTIONS;
        List<Path> others = new ArrayList<>();
        if (snapshot <= 0) {
            others.addAll(lake.filesOfOtherUnits(dataset, unit));
        } else {
            for (String other : lake.unitsCommittedSince(dataset, snapshot)) {
                if (!other.equals(unit)) {
                    others.addAll(lake.filesOf(dataset, other));
                }
            }
        }
        if (others.isEmpty() || staged.isEmpty()) {
            return new Found(0, 0, null);
        }
        String sql = SqlFiles.text("queries/overlapping_txn_keys.sql")
                .replace("{{staged}}", list(staged))
                .replace("{{loaded}}", list(others));
        try (Connection c = DuckDb.inMemory();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new Found(rs.getLong(1), rs.getLong(2), rs.getString(3));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot compare this load with the loads committed meanwhile: " + e.getMessage(), e);
        }
    }

    private static String list(List<Path> files) {
        return files.stream()
                .map(p -> "'" + p.toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
    }
}
