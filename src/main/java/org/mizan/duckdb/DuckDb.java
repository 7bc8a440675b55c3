package org.mizan.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/** Opens DuckDB connections the way Mizan uses them: UTC, bounded memory, options as properties (not in the URL). */
public final class DuckDb {

    /** DuckDB takes 80 % of the machine by default; a load shares the machine with the JVM and planners. */
    static final String MEMORY_LIMIT = System.getProperty("mizan.duckdb.memory", "1GB");

    private static final List<String> SESSION =
            SqlFiles.statements(SqlFiles.text("queries/session.sql").replace("{{memory_limit}}", MEMORY_LIMIT));

    private DuckDb() {}

    public static Connection inMemory() throws SQLException {
        return configure(DriverManager.getConnection("jdbc:duckdb:"));
    }

    public static Connection readWrite(Path file) throws SQLException {
        return configure(DriverManager.getConnection("jdbc:duckdb:" + file));
    }

    /** Read-only, so a planner's query can never change the warehouse; many may be open at once. */
    public static Connection readOnly(Path file) throws SQLException {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return configure(DriverManager.getConnection("jdbc:duckdb:" + file, p));
    }

    /**
     * Read-only with no access to anything but the warehouse's own tables: an in-memory database of its own (so
     * that its locked settings never reach another connection to the file) with extension loading off, the
     * warehouse attached read-only as the default catalog, then external access and the local file system off
     * and the configuration locked ({@code queries/lock_down.sql}). For planners' SQL: the engine, not a
     * filter, makes every write impossible.
     */
    public static Connection lockedDown(Path file) throws SQLException {
        Properties p = new Properties();
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        Connection c = configure(DriverManager.getConnection("jdbc:duckdb:", p));
        try (Statement s = c.createStatement()) {
            String script = SqlFiles.text("queries/lock_down.sql")
                    .replace("{{warehouse}}", file.toString().replace("'", "''"));
            for (String sql : SqlFiles.statements(script)) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static Connection configure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : SESSION) {
                s.execute(sql);
            }
        }
        return c;
    }
}
