package org.mizan.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mizan.MizanCli;

/**
 * The data dictionary never drifts: every public view of a built warehouse is documented column by column, in
 * order, in the SQL; the build stores it as DuckDB comments; warehouse/README.md holds exactly what it generates.
 */
class DataDictionaryIT {

    @Test
    void everyPublicViewAndColumnIsDocumentedAndTheReadmeIsCurrent() throws Exception {
        MizanCli cli = MizanCli.inTempHome("dictionary");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        Map<String, DataDictionary.View> documented =
                DataDictionary.views().stream().collect(Collectors.toMap(DataDictionary.View::name, v -> v));

        // every persistent view but the int_ helpers is public, and documented
        List<List<Object>> views = cli.query("select view_name from duckdb_views() where not internal and not temporary"
                + " and view_name not like 'int\\_%' escape '\\' order by view_name");
        assertThat(views).isNotEmpty();
        List<String> publicViews = new ArrayList<>();
        // one read-only connection for the columns of every view (not one opened per view)
        try (java.sql.Connection warehouse =
                ReadOnlyQuery.open(cli.home().resolve("warehouse/mizan.duckdb").toRealPath())) {
            for (List<Object> row : views) {
                String view = (String) row.get(0);
                publicViews.add(view);
                assertThat(documented)
                        .as("a doc block for view " + view + " in warehouse/build")
                        .containsKey(view);
                List<String> columns = ReadOnlyQuery.run(
                                warehouse,
                                "select column_name from duckdb_columns() where table_name = '" + view
                                        + "' order by column_index",
                                List.of())
                        .rows()
                        .stream()
                        .map(r -> (String) r.get(0))
                        .toList();
                assertThat(List.copyOf(documented.get(view).columns().keySet()))
                        .as("documented columns of " + view)
                        .isEqualTo(columns);
            }
        }
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(publicViews);

        // stored in the warehouse for any client to read
        assertThat(cli.value("select comment from duckdb_views() where view_name = 'remittance_inflows'"))
                .isEqualTo("inflows per unit and month, at every level");
        assertThat(
                        cli.value(
                                "select comment from duckdb_columns() where table_name = 'remittance_inflows' and column_name = 'amount_usd'"))
                .isEqualTo("sum of `amount_usd` (transactions without a rate are not in the sum)");

        // and the README holds exactly the generated dictionary
        String readme = Files.readString(Path.of("warehouse/README.md"));
        assertThat(readme)
                .as("warehouse/README.md is out of date: run ./mizan dictionary --write warehouse/README.md")
                .isEqualTo(DataDictionary.intoReadme(readme));
        assertThat(readme)
                .contains(
                        "### `remittance_inflows` — inflows per unit and month, at every level\n"
                                + "- `unit_code` — any unit; its row includes every transaction received in it or in a unit below it\n");
    }
}
