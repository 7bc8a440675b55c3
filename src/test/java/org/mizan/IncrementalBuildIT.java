package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mizan.config.MizanHome;
import org.mizan.warehouse.ReadOnlyQuery;
import org.mizan.warehouse.Warehouse;

/**
 * A load builds the warehouse incrementally (only the tables that depend on the datasets it changed, on a copy of
 * the published build): after every load of a sequence, every public view and every table of the published build
 * equals, row for row, a full build of the same lake made in a copy of the home; and a full rebuild in the same home
 * gives the same rows again.
 */
class IncrementalBuildIT {

    private final MizanCli cli = MizanCli.inTempHome("incremental");

    @Test
    void everyLoadEqualsAFullBuildOfTheSameLake() throws Exception {
        String[][] loads = {
            {"load-gazetteer", "world/admin_units.csv"},
            {"ingest-remittances", "world/remittances_2024-03.csv"},
            {"ingest-remittances", "world/corridors_2024-03.csv"},
            {"ingest-ledgers", "world/ledger_2024.csv"},
            {"ingest-ledgers", "world/plan_2024.csv"},
            {"ingest-registries", "world/people.csv"},
            {"ingest-registries", "world/services.csv"},
            // the same file again: its unit replaced, the dataset's fingerprint changed, the rows the same
            {"ingest-remittances", "world/remittances_2024-03.csv"},
        };
        // the published build's snapshot after the last load (nothing publishes after it: read once, used thrice)
        Map<String, List<String>> last = null;
        for (int i = 0; i < loads.length; i++) {
            cli.load(loads[i][0], loads[i][1]);
            Path published = published(cli.home());
            // the first load has no build to start from; every later one starts from the previous build
            assertThat(kind(published)).as("load %d", i + 1).isEqualTo(i == 0 ? "full" : "incremental");
            Map<String, List<String>> incremental = snapshot(published);
            last = incremental;

            Path copy = copyOf(cli.home());
            Path full = new Warehouse(new MizanHome(copy)).rebuild();
            assertThat(kind(full)).isEqualTo("full");
            Map<String, List<String>> reference = snapshot(full);

            assertThat(incremental.keySet()).as("load %d", i + 1).isEqualTo(reference.keySet());
            for (String object : reference.keySet()) {
                assertThat(incremental.get(object))
                        .as("%s after load %d (%s)", object, i + 1, loads[i][1])
                        .containsExactlyElementsOf(reference.get(object));
            }
        }
        // remittance_investment_match holds the golden world's 20 rows (GoldenWorldIT): not an empty equality
        assertThat(last.get("remittance_investment_match")).hasSize(20);

        // a full rebuild in the home itself (what a review, an approval or MIZAN_WAREHOUSE_FULL=1 runs)
        Map<String, List<String>> before = last;
        Path rebuilt = new Warehouse(new MizanHome(cli.home())).rebuild();
        assertThat(kind(rebuilt)).isEqualTo("full");
        assertThat(snapshot(rebuilt)).isEqualTo(before);
    }

    private static Path published(Path home) throws IOException {
        return home.resolve("warehouse/mizan.duckdb").toRealPath();
    }

    private static String kind(Path build) throws SQLException {
        return String.valueOf(
                ReadOnlyQuery.run(build, "select fingerprint from mizan_build_inputs where input = 'kind'")
                        .rows()
                        .get(0)
                        .get(0));
    }

    /**
     * Every public view and table of a build (but the two that describe the build itself: what it was made from and
     * the flags new since the build before it), each as its rows in order, as text.
     */
    private static Map<String, List<String>> snapshot(Path build) throws SQLException {
        // one read-only connection for every object of the build (not one opened per object)
        try (java.sql.Connection c = ReadOnlyQuery.open(build)) {
            List<List<Object>> objects = ReadOnlyQuery.run(
                            c,
                            "select view_name from duckdb_views() where not internal and not temporary"
                                    + " union all select table_name from duckdb_tables() where not temporary"
                                    + " and table_name not in ('mizan_build_inputs', 'quality_new_flags') order by 1",
                            List.of())
                    .rows();
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (List<Object> o : objects) {
                String name = (String) o.get(0);
                List<String> rows = new ArrayList<>();
                for (List<Object> row : ReadOnlyQuery.run(c, "select * from \"" + name + "\" order by all", List.of())
                        .rows()) {
                    rows.add(row.toString());
                }
                out.put(name, rows);
            }
            return out;
        }
    }

    private static Path copyOf(Path home) throws IOException {
        Path copy = MizanCli.tempDir("mizan-incremental-full-");
        try (Stream<Path> s = Files.walk(home)) {
            for (Path p : s.toList()) {
                Path to = copy.resolve(home.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.startsWith(home.resolve("warehouse"))) {
                    Files.copy(p, to);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return copy;
    }
}
