package org.mizan.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mizan.duckdb.DuckDb;

/**
 * Runs a planner's SQL on the published warehouse. The engine makes it read-only: the file is opened read-only,
 * external access and the local file system are switched off and the configuration locked
 * ({@link DuckDb#lockedDown}), so no statement of any shape can write a file or change a setting. The statement
 * filter ({@link #refusal}) only gives the planner a plain reason before the engine would refuse.
 */
public final class ReadOnlyQuery {

    private static final Set<String> READING =
            Set.of("select", "with", "from", "describe", "show", "summarize", "explain", "values", "table");

    /** A query's column names and rows (values as JDBC returned them). */
    public record Result(List<String> columns, List<List<Object>> rows) {}

    private ReadOnlyQuery() {}

    /** Null when the statement only reads; otherwise why it is refused. */
    public static String refusal(String sql) {
        String s = sql.strip().replaceAll("^(--[^\\n]*\\n\\s*)+", "").strip();
        String first = s.split("[\\s(]+", 2)[0].toLowerCase(Locale.ROOT);
        if ("explain".equals(first)) {
            // EXPLAIN ANALYZE runs its statement: judge the statement it explains
            String rest = s.substring(first.length())
                    .strip()
                    .replaceFirst("(?i)^analy[sz]e\\b", "")
                    .strip();
            String explained = rest.split("[\\s(]+", 2)[0].toLowerCase(Locale.ROOT);
            if (!rest.isEmpty() && !READING.contains(explained) || "explain".equals(explained)) {
                return "query is read-only: 'explain " + explained
                        + "' statements are refused (use select, with, describe, show, summarize)";
            }
        }
        if (!READING.contains(first)) {
            return "query is read-only: '" + first
                    + "' statements are refused (use select, with, describe, show, summarize)";
        }
        String body = s.replaceAll(";\\s*$", "");
        if (body.contains(";")) {
            return "query runs one statement at a time: remove the ';' inside it";
        }
        return null;
    }

    public static Result run(Path warehouse, String sql) throws SQLException {
        return run(warehouse, sql, List.of());
    }

    /** As {@link #run(Path, String)}, with values bound to the statement's {@code ?} placeholders in order. */
    public static Result run(Path warehouse, String sql, List<String> values) throws SQLException {
        String refused = refusal(sql);
        if (refused != null) {
            throw new IllegalArgumentException(refused);
        }
        try (Connection c = open(warehouse)) {
            return run(c, sql, values);
        }
    }

    /**
     * A read-only, locked-down connection to the warehouse, for several queries in a row (a dashboard page): the
     * caller closes it.
     */
    public static Connection open(Path warehouse) throws SQLException {
        return DuckDb.lockedDown(warehouse);
    }

    /** As {@link #run(Path, String, List)} on a connection from {@link #open(Path)}. */
    public static Result run(Connection c, String sql, List<String> values) throws SQLException {
        String refused = refusal(sql);
        if (refused != null) {
            throw new IllegalArgumentException(refused);
        }
        String statement = sql.strip().replaceAll(";\\s*$", "");
        if (values.isEmpty()) {
            try (Statement s = c.createStatement()) {
                return collect(s.executeQuery(statement));
            }
        }
        try (java.sql.PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, values.get(i));
            }
            return collect(ps.executeQuery());
        }
    }

    /** Receives a streamed result: its columns once, then each row (the row's list is reused between calls). */
    public interface RowSink {
        void columns(List<String> columns) throws java.io.IOException;

        void row(List<Object> row) throws java.io.IOException;
    }

    /**
     * As {@link #run(Path, String, List)}, but hands the rows one at a time to {@code sink} instead of keeping them
     * all in memory (a download of millions of rows).
     */
    public static void stream(Path warehouse, String sql, List<String> values, RowSink sink)
            throws SQLException, java.io.IOException {
        String refused = refusal(sql);
        if (refused != null) {
            throw new IllegalArgumentException(refused);
        }
        try (Connection c = DuckDb.lockedDown(warehouse)) {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql.strip().replaceAll(";\\s*$", ""))) {
                for (int i = 0; i < values.size(); i++) {
                    ps.setString(i + 1, values.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        columns.add(md.getColumnLabel(i));
                    }
                    sink.columns(columns);
                    List<Object> row = new ArrayList<>(columns.size());
                    while (rs.next()) {
                        row.clear();
                        for (int i = 1; i <= columns.size(); i++) {
                            row.add(rs.getObject(i));
                        }
                        sink.row(row);
                    }
                }
            }
        }
    }

    /** A result set's columns and rows, closed after reading. */
    public static Result collect(ResultSet result) throws SQLException {
        {
            try (ResultSet rs = result) { // NOPMD: one block per result set
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return new Result(columns, rows);
            }
        }
    }
}
