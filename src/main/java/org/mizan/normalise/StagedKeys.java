package org.mizan.normalise;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.mizan.duckdb.DuckDb;
import org.mizan.duckdb.SqlFiles;

/** Reads the transaction keys back from staged Parquet files, for a restart's duplicate check. */
final class StagedKeys {

    /** One staged row's key and its line in the delivered file. */
    @FunctionalInterface
    interface KeyConsumer {
        void accept(String providerId, String txnId, long line);
    }

    private StagedKeys() {}

    static void forEach(List<Path> files, KeyConsumer consumer) {
        String list = files.stream()
                .map(p -> "'" + p.toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        try (Connection c = DuckDb.inMemory();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        SqlFiles.text("queries/staged_txn_keys.sql").replace("{{files}}", list))) {
            while (rs.next()) {
                consumer.accept(rs.getString(1), rs.getString(2), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read back the rows staged before the restart: " + e.getMessage(), e);
        }
    }
}
