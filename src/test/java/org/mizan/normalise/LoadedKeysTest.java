package org.mizan.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mizan.duckdb.DuckDb;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;

/**
 * The keys already loaded, read from the lake one string per delivered file ({@code queries/loaded_txn_keys.sql}):
 * every key comes back as it was, a txn_id with a line break or a backslash in it too, with the file it came from;
 * the file being loaded again is left out, and another provider's keys are not its own.
 */
class LoadedKeysTest {

    @TempDir
    Path dir;

    @Test
    void everyKeyOfAProviderComesBackWithItsFileWhateverItsCharacters() throws Exception {
        Lake lake = new Lake(dir);
        write(
                lake,
                "period=2024-03/source=P1/march.csv-1111.parquet",
                "march.csv",
                "P1",
                "T-1",
                "T\n2",
                "T\\3",
                "T\\n4");
        write(lake, "period=2024-04/source=P1/april.csv-2222.parquet", "april.csv", "P1", "T-5", "");
        write(lake, "period=2024-04/source=P2/other.csv-3333.parquet", "other.csv", "P2", "T-6");
        LoadedKeys keys = LoadedKeys.of(lake, "april.csv-2222");
        assertThat(keys.fileOf("P1", LoadedKeys.key("P1", "T-1"))).isEqualTo("march.csv");
        assertThat(keys.fileOf("P1", LoadedKeys.key("P1", "T\n2"))).isEqualTo("march.csv");
        assertThat(keys.fileOf("P1", LoadedKeys.key("P1", "T\\3"))).isEqualTo("march.csv");
        assertThat(keys.fileOf("P1", LoadedKeys.key("P1", "T\\n4"))).isEqualTo("march.csv");
        // no key half-read: neither the parts around a line break nor an escape taken for the key
        assertThat(keys.fileOf("P1", LoadedKeys.key("P1", "T"))).isNull();
        assertThat(keys.fileOf("P1", LoadedKeys.key("P1", "T\\\\3"))).isNull();
        assertThat(keys.fileOf("P1", LoadedKeys.key("P1", "T\n4"))).isNull();
        // the file being loaded again replaces its own keys; another provider's keys are not P1's
        assertThat(keys.fileOf("P1", LoadedKeys.key("P1", "T-5"))).isNull();
        assertThat(keys.fileOf("P1", LoadedKeys.key("P1", "T-6"))).isNull();
        assertThat(keys.fileOf("P2", LoadedKeys.key("P2", "T-6"))).isEqualTo("other.csv");
        assertThat(LoadedKeys.of(lake, "march.csv-1111").fileOf("P1", LoadedKeys.key("P1", "")))
                .isEqualTo("april.csv");
    }

    private static void write(Lake lake, String path, String sourceFile, String provider, String... txnIds)
            throws Exception {
        Path file = lake.dir(Dataset.REMITTANCE_TRANSACTIONS).resolve(path);
        Files.createDirectories(file.getParent());
        StringBuilder values = new StringBuilder();
        for (String id : txnIds) {
            values.append(values.isEmpty() ? "" : ", ")
                    .append("('")
                    .append(id.replace("'", "''"))
                    .append("')");
        }
        try (Connection c = DuckDb.inMemory();
                Statement s = c.createStatement()) {
            s.execute("copy (select '" + provider + "' as provider_id, id as txn_id, '" + sourceFile
                    + "' as source_file from (values " + values + ") t(id)) to '" + file + "' (format parquet)");
        }
    }
}
