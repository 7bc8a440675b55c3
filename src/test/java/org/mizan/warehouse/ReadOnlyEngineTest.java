package org.mizan.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mizan.duckdb.DuckDb;

/**
 * A planner's query cannot change the published warehouse, whatever its shape: the engine refuses every write
 * (the statement filter is only there for the message). Each hostile statement runs on a real DuckDB build
 * published behind a {@code mizan.duckdb} link, and the file's bytes are compared after each one.
 */
class ReadOnlyEngineTest {

    @TempDir
    Path dir;

    private Path build;
    private Path published;
    private byte[] bytes;

    @BeforeEach
    void publishABuild() throws SQLException, IOException {
        build = dir.resolve("mizan-20240301-000000-000-1.duckdb");
        try (Connection c = DuckDb.readWrite(build);
                Statement s = c.createStatement()) {
            s.execute("create table admin_units as select 'NP' as unit_code, 'Nepal' as name");
            s.execute("create view remittance_transactions as select 'T-1' as txn_id, 100.5::decimal(20,4) as amount");
            s.execute("CHECKPOINT");
        }
        published = dir.resolve("mizan.duckdb");
        Files.createSymbolicLink(published, build.getFileName());
        bytes = Files.readAllBytes(build);
    }

    /** Statements that would write a file, change a setting or the catalog: the engine refuses each on its own. */
    private List<String> hostile() {
        String w = build.toString();
        String link = published.toString();
        String other = dir.resolve("stolen.csv").toString();
        return new ArrayList<>(List.of(
                "explain analyze copy (select 'x' as a) to '" + w + "' (format csv, use_tmp_file false)",
                "explain analyze copy (select 'x' as a) to '" + link + "' (format csv, use_tmp_file false)",
                "explain copy (select 'x' as a) to '" + w + "' (format csv)",
                "copy (select 'x' as a) to '" + w + "' (format csv, use_tmp_file false)",
                "copy (select 'x' as a) to '" + link + "' (format csv)",
                "copy admin_units to '" + w + "' (format parquet)",
                "copy admin_units to '" + other + "'",
                "explain analyze copy admin_units to '" + other + "'",
                "copy admin_units from '" + w + "'",
                "explain analyze set memory_limit='100GB'",
                "set memory_limit = '100GB'",
                "reset memory_limit",
                "set lock_configuration = false",
                "set disabled_filesystems = ''",
                "reset disabled_filesystems",
                "set enable_external_access = true",
                "pragma memory_limit='10GB'",
                "set temp_directory = '" + dir + "'",
                "attach '" + w + "' as w2",
                "attach '" + dir.resolve("new.duckdb") + "' as n",
                "explain analyze attach '" + dir.resolve("new2.duckdb") + "' as n2",
                "export database '" + dir.resolve("export") + "'",
                "select * from read_csv('" + w + "')",
                "select * from read_text('" + w + "')",
                "select * from read_blob('/etc/passwd')",
                "select * from read_parquet('" + dir.resolve("*.parquet") + "')",
                "install httpfs",
                "load httpfs",
                "create table t as select 1 as x",
                "explain analyze create table t2 as select 1 as x",
                "insert into admin_units values ('XX', 'Nowhere')",
                "explain analyze insert into admin_units values ('XX', 'Nowhere')",
                "update admin_units set name = 'x'",
                "delete from admin_units",
                "drop table admin_units",
                "drop view remittance_transactions",
                "alter table admin_units rename to gone",
                "create or replace view admin_units as select 1",
                "create secret s (type s3, key_id 'k', secret 'v')"));
    }

    /**
     * Statements the engine accepts on a read-only file without writing it (in-memory temp objects, a checkpoint
     * with nothing to write): the file keeps its bytes, and the filter still refuses them with its reason.
     */
    private static List<String> harmless() {
        return List.of(
                "checkpoint",
                "force checkpoint",
                "vacuum admin_units",
                "create temp table z as select 1",
                "explain analyze create temp table z as select 1",
                "create temp view v as select 1");
    }

    @Test
    void theEngineRefusesEveryHostileStatementAndThePublishedFileKeepsItsBytes() throws SQLException, IOException {
        List<String> accepted = new ArrayList<>();
        for (String sql : hostile()) {
            // given a locked-down connection (the one query, the dashboard and the named queries use),
            // when the statement runs on it directly, past the statement filter
            try (Connection c = ReadOnlyQuery.open(published);
                    Statement s = c.createStatement()) {
                s.execute(sql);
                accepted.add(sql);
            } catch (SQLException refused) {
                // then the engine refused it
            }
            // and the published file is byte for byte what the build wrote
            assertThat(Files.readAllBytes(build)).as("after %s", sql).isEqualTo(bytes);
            assertThat(Files.isSymbolicLink(published)).isTrue();
        }
        assertThat(accepted).isEmpty();
        assertThat(hostile()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(Arrays.asList(dir.toFile().list()))
                .containsExactlyInAnyOrder(build.getFileName().toString(), "mizan.duckdb");
    }

    @Test
    void statementsTheEngineTakesWithoutWritingLeaveTheFileAsItWasAndTheFilterRefusesThem()
            throws SQLException, IOException {
        for (String sql : harmless()) {
            try (Connection c = ReadOnlyQuery.open(published);
                    Statement s = c.createStatement()) {
                s.execute(sql);
            }
            assertThat(Files.readAllBytes(build)).as("after %s", sql).isEqualTo(bytes);
            assertThat(ReadOnlyQuery.refusal(sql)).as(sql).startsWith("query is read-only: '");
        }
    }

    @Test
    void throughTheQueryPathEveryHostileStatementIsRefusedWithAMessage() throws IOException {
        List<String> all = new ArrayList<>(hostile());
        all.addAll(harmless());
        for (String sql : all) {
            Throwable t = catchThrowable(() -> ReadOnlyQuery.run(published, sql));
            assertThat(t).as(sql).isNotNull().isInstanceOfAny(IllegalArgumentException.class, SQLException.class);
            assertThat(Files.readAllBytes(build)).as("after %s", sql).isEqualTo(bytes);
        }
        // and the explain-analyze forms the probe found get the filter's plain reason
        assertThatThrownBy(() ->
                        ReadOnlyQuery.run(published, "explain analyze copy (select 'x' as a) to '" + published + "'"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "query is read-only: 'explain copy' statements are refused (use select, with, describe, show, summarize)");
        assertThat(ReadOnlyQuery.refusal("explain analyze create temp table x as select 1"))
                .isEqualTo(
                        "query is read-only: 'explain create' statements are refused (use select, with, describe, show, summarize)");
        assertThat(ReadOnlyQuery.refusal("EXPLAIN ANALYZE set memory_limit='100GB'"))
                .startsWith("query is read-only: 'explain set'");
    }

    @Test
    void readingStillWorksOnTheLockedDownConnection() throws SQLException {
        assertThat(ReadOnlyQuery.run(published, "select unit_code, name from admin_units")
                        .rows())
                .containsExactly(List.of("NP", "Nepal"));
        assertThat(ReadOnlyQuery.run(published, "explain analyze select count(*) from remittance_transactions")
                        .rows())
                .hasSize(1);
        assertThat(ReadOnlyQuery.run(published, "select current_setting('lock_configuration')")
                        .rows())
                .containsExactly(List.of(true));
    }
}
