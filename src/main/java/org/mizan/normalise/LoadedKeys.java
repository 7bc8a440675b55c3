package org.mizan.normalise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mizan.duckdb.DuckDb;
import org.mizan.duckdb.SqlFiles;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;

/**
 * The transaction keys already in the lake from other delivered files, for the cross-file duplicate check. A key
 * holds its provider_id, so only that provider's rows can match it: a provider's keys are read the first time the
 * loaded file names the provider, and a provider's monthly file reads its own provider's keys, not the whole lake's
 * (the lake's files keep one provider per partition and row group statistics per column, so DuckDB skips the other
 * providers' files by their footers). {@link #none()} is the empty set, for a check on its own.
 */
public final class LoadedKeys {

    private final Lake lake;
    private final String unit;
    private final KeyIndex keys = new KeyIndex();
    private final List<String> files = new ArrayList<>();
    private final Map<String, Integer> fileIndex = new HashMap<>();
    private final Set<String> providersRead = new HashSet<>();

    private LoadedKeys(Lake lake, String unit) {
        this.lake = lake;
        this.unit = unit;
    }

    /** Keys of every unit of the dataset except {@code unit} itself (a redelivery replaces its own rows). */
    public static LoadedKeys of(Lake lake, String unit) {
        return new LoadedKeys(lake, unit);
    }

    /** No key loaded before: every key is new. */
    public static LoadedKeys none() {
        return new LoadedKeys(null, null);
    }

    /** A transaction's key: its provider_id and txn_id, as this index and the normaliser's in-file index hold it. */
    public static String key(String provider, String txnId) {
        return provider + '\u0001' + txnId;
    }

    /**
     * The file an earlier load took the transaction of this {@link #key} from, or null when none did;
     * {@code provider} the key's provider, whose keys are read the first time it is asked for.
     */
    public String fileOf(String provider, String key) {
        if (lake != null && providersRead.add(provider)) {
            read(provider);
        }
        int idx = keys.get(key);
        return idx < 0 ? null : files.get(idx);
    }

    /** A txn_id as the query wrote it, {@code \\} and {@code \n} back to a backslash and a line break. */
    static String unescape(String id) {
        StringBuilder out = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (ch == '\\' && i + 1 < id.length()) {
                char next = id.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private void read(String provider) {
        try {
            if (!lake.hasFiles(Dataset.REMITTANCE_TRANSACTIONS)) {
                return;
            }
            try (Connection c = DuckDb.inMemory();
                    PreparedStatement ps = c.prepareStatement(SqlFiles.text("queries/loaded_txn_keys.sql"))) {
                ps.setString(1, lake.glob(Dataset.REMITTANCE_TRANSACTIONS));
                ps.setString(2, provider);
                ps.setString(3, unit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int idx = fileIndex.computeIfAbsent(rs.getString(1), f -> {
                            files.add(f);
                            return files.size() - 1;
                        });
                        String[] ids = rs.getString(3).split("\n", -1);
                        if (ids.length != rs.getLong(2)) {
                            throw new IllegalStateException("queries/loaded_txn_keys.sql gave " + ids.length
                                    + " keys of " + rs.getLong(2) + " for " + rs.getString(1));
                        }
                        for (String id : ids) {
                            keys.putIfAbsent(key(provider, id.indexOf('\\') < 0 ? id : unescape(id)), idx);
                        }
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
    }
}
