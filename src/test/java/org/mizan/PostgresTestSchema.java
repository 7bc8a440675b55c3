package org.mizan;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of a test's own on the PostgreSQL server of this machine (127.0.0.1:5432, database test), with the
 * {@code postgres} profile pointed at it. Without a server the test is skipped with a notice; under .ci/run
 * (MIZAN_REQUIRE_SERVICES=1) it fails instead.
 */
public final class PostgresTestSchema {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String schema;

    private PostgresTestSchema(String schema) {
        this.schema = schema;
    }

    /** Creates the schema and selects it for the application, or skips (fails under CI) without a server. */
    public static PostgresTestSchema create(String prefix, String test) {
        String schema = prefix + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            String notice =
                    "PostgreSQL is not reachable at 127.0.0.1:5432 (" + e.getMessage() + "): " + test + " skipped."
                            + " Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
            if ("1".equals(System.getenv("MIZAN_REQUIRE_SERVICES"))) {
                fail(notice);
            }
            System.err.println("NOTICE: " + notice);
            Assumptions.abort(notice);
        }
        System.setProperty("spring.profiles.active", "postgres");
        System.setProperty("MIZAN_PG_SCHEMA", schema);
        return new PostgresTestSchema(schema);
    }

    public String name() {
        return schema;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, "postgres", "");
    }

    /** Drops the schema and returns the application to its default (H2) repository. */
    public void drop() throws SQLException {
        System.clearProperty("spring.profiles.active");
        System.clearProperty("MIZAN_PG_SCHEMA");
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }
}
