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
        // a later IATI file with some activities of an earlier one (by name it comes last, so its activities are the
        // ones taken): one transaction and one place changed, one activity left out (the earlier file's stays)
        String outliers = Files.readString(MizanCli.FIXTURES.resolve("quality/iati_outliers.xml"));
        String later = outliers.replace("<value>1000000</value>", "<value>1300</value>")
                .replace("code=\"NP-P1-DHA-M02\"", "code=\"NP-P1-DHA-M01\"")
                .replaceAll(
                        "(?s)<iati-activity default-currency=\"USD\">\\s*<iati-identifier>NP-QA-02.*?</iati-activity>",
                        "");
        assertThat(later).doesNotContain("NP-QA-02", "1000000").contains("NP-QA-01", "NP-QA-03");
        Path zz = Files.writeString(MizanCli.tempDir("mizan-incremental-iati-").resolve("zz_outliers.xml"), later);
        // job, file, and what the load's build rebuilt its dirty tables by (BuildInputs.UNIT)
        String[][] loads = {
            {"load-gazetteer", "world/admin_units.csv", "all"},
            {"ingest-remittances", "world/remittances_2024-03.csv", "dataset"},
            {"ingest-remittances", "world/corridors_2024-03.csv", "dataset"},
            {"ingest-ledgers", "world/ledger_2024.csv", "project"},
            {"ingest-ledgers", "world/plan_2024.csv", "dataset"},
            {"ingest-registries", "world/people.csv", "dataset"},
            {"ingest-registries", "world/services.csv", "dataset"},
            // the same file again: its unit replaced, the dataset's fingerprint changed, the rows the same
            {"ingest-remittances", "world/remittances_2024-03.csv", "dataset"},
            // IATI files update the ledger tables for the projects they hold only
            {"ingest-ledgers", "real/iati_iom_dportal_119.xml", "project"},
            {"ingest-ledgers", "quality/iati_outliers.xml", "project"},
            {"ingest-ledgers", zz.toString(), "project"},
            // a file again: its files taken away and written anew, the projects of both touched
            {"ingest-ledgers", "real/iati_iom_dportal_119.xml", "project"},
            {"ingest-ledgers", "world/ledger_2024.csv", "project"},
            // new rates change every entry's USD value: the ledger tables are built whole
            {"load-fx-rates", "fx/fx_rates.csv", "dataset"},
        };
        // the published build's snapshot after the last load (nothing publishes after it: read once, used twice)
        Map<String, List<String>> last = null;
        for (int i = 0; i < loads.length; i++) {
            cli.load(loads[i][0], loads[i][1]);
            Path published = published(cli.home());
            // the first load has no build to start from; every later one starts from the previous build
            assertThat(kind(published)).as("load %d", i + 1).isEqualTo(i == 0 ? "full" : "incremental");
            assertThat(input(published, "unit")).as("load %d", i + 1).isEqualTo(loads[i][2]);
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
            if (i == 7) {
                // after the golden world's files, remittance_investment_match holds its 20 rows (GoldenWorldIT): not
                // an empty equality
                assertThat(incremental.get("remittance_investment_match")).hasSize(20);
            }
        }

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
        return input(build, "kind");
    }

    private static String input(Path build, String input) throws SQLException {
        return String.valueOf(
                ReadOnlyQuery.run(build, "select fingerprint from mizan_build_inputs where input = ?", List.of(input))
                        .rows()
                        .get(0)
                        .get(0));
    }

    /**
     * Every public view and table of a build (but the three that describe the build itself: what it was made from,
     * the lake's files with their times, which a copied lake does not keep, and the flags new since the build before
     * it), each as its rows in order, as text. Which projects each lake file holds is compared too.
     */
    private static Map<String, List<String>> snapshot(Path build) throws SQLException {
        // one read-only connection for every object of the build (not one opened per object)
        try (java.sql.Connection c = ReadOnlyQuery.open(build)) {
            List<List<Object>> objects = ReadOnlyQuery.run(
                            c,
                            "select view_name from duckdb_views() where not internal and not temporary"
                                    + " union all select table_name from duckdb_tables() where not temporary"
                                    + " and table_name not in ('mizan_build_inputs', 'mizan_build_files', 'quality_new_flags') order by 1",
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
