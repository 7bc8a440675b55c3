package org.mizan.normalise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mizan.duckdb.DuckDb;
import org.mizan.duckdb.SqlFiles;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;

/** The transaction keys already in the lake from other delivered files, for the cross-file duplicate check. */
public final class LoadedKeys {

    private final KeyIndex keys = new KeyIndex();
    private final List<String> files = new ArrayList<>();

    private LoadedKeys() {}

    /** Keys of every unit of the dataset except {@code unit} itself (a redelivery replaces its own rows). */
    public static LoadedKeys of(Lake lake, String unit) {
        LoadedKeys loaded = new LoadedKeys();
        try {
            if (!lake.hasFiles(Dataset.REMITTANCE_TRANSACTIONS)) {
                return loaded;
            }
            Map<String, Integer> fileIndex = new HashMap<>();
            try (Connection c = DuckDb.inMemory();
                    PreparedStatement ps = c.prepareStatement(SqlFiles.text("queries/loaded_txn_keys.sql"))) {
                ps.setString(1, lake.glob(Dataset.REMITTANCE_TRANSACTIONS));
                ps.setString(2, unit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int idx = fileIndex.computeIfAbsent(rs.getString(3), f -> {
                            loaded.files.add(f);
                            return loaded.files.size() - 1;
                        });
                        loaded.keys.putIfAbsent(rs.getString(1) + '\u0001' + rs.getString(2), idx);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the keys already loaded in " + lake.dir(Dataset.REMITTANCE_TRANSACTIONS) + ": "
                            + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded;
    }

    public KeyIndex keys() {
        return keys;
    }

    public List<String> files() {
        return files;
    }
}
