package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job repository on PostgreSQL through the {@code postgres} profile, against the server on this machine
 * (127.0.0.1:5432, database test), in a schema of the test's own. Without a server the test is skipped with a
 * notice; under .ci/run (MIZAN_REQUIRE_SERVICES=1) it fails instead.
 */
class PostgresRepositoryIT {

    private static final String URL = PostgresTestSchema.URL;
    private PostgresTestSchema pg;
    private String schema;

    @BeforeEach
    void schema() {
        pg = PostgresTestSchema.create("mizan_it", "PostgresRepositoryIT");
        schema = pg.name();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        pg.drop();
    }

    @Test
    void runsAndTheirHistoryLiveInPostgreSql() throws SQLException {
        MizanCli cli = MizanCli.inTempHome("pg");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("ingest-remittances", "remittances/nrb_corridors_2024-03.csv");
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select i.job_name, e.status from " + schema + ".batch_job_execution e join " + schema
                                + ".batch_job_instance i using (job_instance_id) order by e.job_execution_id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("load-gazetteer COMPLETED");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("ingest-remittances COMPLETED");
            assertThat(rs.next()).isFalse();
        }
        // no H2 file was made: the repository is only in PostgreSQL
        assertThat(cli.home().resolve("repository/batch.mv.db")).doesNotExist();
        assertThat(cli.run("history").out())
                .containsPattern(
                        "\\n\\s+2  ingest-remittances\\s+COMPLETED .*\\s+8\\s+8\\s+0  nrb_corridors_2024-03.csv\\n");
    }
}
