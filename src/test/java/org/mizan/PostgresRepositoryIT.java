package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job repository on PostgreSQL through the {@code postgres} profile, against the server on this machine
 * (127.0.0.1:5432, database test), in a schema of the test's own. Without a server the test is skipped with a
 * notice; under .ci/run (MIZAN_REQUIRE_SERVICES=1) it fails instead.
 */
class PostgresRepositoryIT {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private final String schema = "mizan_it_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;

    @BeforeEach
    void schema() {
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            String notice = "PostgreSQL is not reachable at 127.0.0.1:5432 (" + e.getMessage() + "): PostgresRepositoryIT skipped."
                    + " Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
            if ("1".equals(System.getenv("MIZAN_REQUIRE_SERVICES"))) {
                fail(notice);
            }
            System.err.println("NOTICE: " + notice);
            Assumptions.abort(notice);
        }
        System.setProperty("spring.profiles.active", "postgres");
        System.setProperty("MIZAN_PG_SCHEMA", schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        System.clearProperty("spring.profiles.active");
        System.clearProperty("MIZAN_PG_SCHEMA");
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Test
    void runsAndTheirHistoryLiveInPostgreSql() throws SQLException {
        MizanCli cli = MizanCli.inTempHome("pg");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("ingest-remittances", "remittances/nrb_corridors_2024-03.csv");
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select i.job_name, e.status from " + schema + ".batch_job_execution e join "
                     + schema + ".batch_job_instance i using (job_instance_id) order by e.job_execution_id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("load-gazetteer COMPLETED");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("ingest-remittances COMPLETED");
            assertThat(rs.next()).isFalse();
        }
        // no H2 file was made: the repository is only in PostgreSQL
        assertThat(cli.home().resolve("repository/batch.mv.db")).doesNotExist();
        assertThat(cli.run("history").out()).containsPattern("\\n\\s+2  ingest-remittances\\s+COMPLETED .*\\s+8\\s+8\\s+0  nrb_corridors_2024-03.csv\\n");
    }
}
