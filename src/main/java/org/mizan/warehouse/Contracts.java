package org.mizan.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mizan.duckdb.DuckDb;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The contracts beside the coherence views ({@code warehouse/contracts/<view>.sql}): each {@code -- check:} is a
 * query that lists the rows breaking it — keys null or repeated, references that do not resolve, arithmetic that
 * does not hold. A warehouse keeps its contracts when every check returns no row; the build checks them before it
 * publishes, and a build that breaks one is not published.
 */
public final class Contracts {

    /** A check that returned rows: which file, what it checks, how many rows and the first of them. */
    public record Breach(String file, String check, int rows, String first) {}

    private Contracts() {}

    /** Runs every check on a built warehouse; the breaches, none when it keeps its contracts. */
    public static List<Breach> check(Path warehouse) throws SQLException {
        return check(warehouse, null, null);
    }

    /**
     * Runs the checks as an update by period of the lake partitions {@code partitions} ({@code period/source}) of the
     * months {@code months} does (null: every check in full, as {@link #check(Path)}): a view with a contract under
     * {@code contracts/by_period/} is checked by that one.
     */
    public static List<Breach> check(Path warehouse, Collection<String> months, Collection<String> partitions)
            throws SQLException {
        try (Connection c = DuckDb.readOnly(warehouse);
                Statement s = c.createStatement()) {
            return check(s, months == null ? null : scope(new TreeSet<>(months), new TreeSet<>(partitions)));
        }
    }

    /** What an update by period fills a scoped contract's placeholders with: its months and partitions, as SQL lists. */
    static Map<String, String> scope(Set<String> months, Set<String> partitions) {
        return Map.of("{{months}}", LakeIndex.literals(months), "{{partitions}}", LakeIndex.literals(partitions));
    }

    /**
     * Runs every check through the build's own connection (the build file is not published yet). In an update by
     * period ({@code scope}: the touched {@code {{months}}} and {@code {{partitions}}} as SQL lists; null in any other
     * build) a check of a view's contract that {@code contracts/by_period/<view>.sql} names too is run as that file
     * writes it, with those filled in: the rows of those months in full, and the partitions' keys against the whole
     * table. The view's other checks run as they are.
     */
    static List<Breach> check(Statement s, Map<String, String> scope) throws SQLException {
        List<Breach> out = new ArrayList<>();
        try {
            for (Resource r : resources()) {
                String text;
                try (InputStream in = r.getInputStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String scoped = scope == null ? null : scoped(r.getFilename());
                if (scoped != null) {
                    for (Map.Entry<String, String> e : scope.entrySet()) {
                        scoped = scoped.replace(e.getKey(), e.getValue());
                    }
                }
                Map<String, String> checks = checks(r.getFilename(), text, scoped);
                for (Map.Entry<String, String> c : checks.entrySet()) {
                    out.addAll(run(s, r.getFilename(), c.getKey(), c.getValue()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * A contract's checks in their order, by name, those its scoped version ({@code scoped}, null for none) names
     * replaced by its statements; a scoped check whose name the contract does not have is refused.
     */
    static Map<String, String> checks(String file, String text, String scoped) {
        Map<String, String> checks = checks(file, text);
        if (scoped != null) {
            for (Map.Entry<String, String> c :
                    checks("by_period/" + file, scoped).entrySet()) {
                if (checks.replace(c.getKey(), c.getValue()) == null) {
                    throw new IllegalStateException("warehouse/contracts/by_period/" + file + ": check '" + c.getKey()
                            + "' is not one of " + file + "'s: a scoped check replaces the check of the same name");
                }
            }
        }
        return checks;
    }

    /**
     * A contract's checks in their order, by name: each the statement after its own {@code -- check:} line (a
     * statement without one, or a name given twice, is refused).
     */
    private static Map<String, String> checks(String file, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String check = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("-- check:")) {
                check = line.substring("-- check:".length()).strip();
            } else if (!line.startsWith("--")) {
                sql.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    if (check == null
                            || out.putIfAbsent(check, sql.toString().strip().replaceAll(";$", "")) != null) {
                        throw new IllegalStateException("warehouse/contracts/" + file
                                + ": each statement needs a '-- check:" + " <rule>' line of its own before it"
                                + (check == null ? "" : " ('" + check + "' twice)"));
                    }
                    check = null;
                    sql.setLength(0);
                }
            }
        }
        return out;
    }

    /**
     * The build's refusal when its warehouse breaks a contract, one line per breach: the view, the rule, how many
     * rows and the first of them, and the contract's file.
     */
    static String refusal(List<Breach> breaches) {
        List<String> lines = new ArrayList<>();
        for (Breach b : breaches) {
            lines.add("view " + b.file().replaceFirst("\\.sql$", "") + " breaks its contract: " + b.check() + " ("
                    + b.rows() + (b.rows() == 1 ? " row" : " rows") + ", e.g. " + b.first() + "; warehouse/contracts/"
                    + b.file() + ")");
        }
        return "this build is not published: " + String.join("\n", lines);
    }

    private static List<Breach> run(Statement s, String file, String check, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            int rows = 0;
            StringBuilder first = new StringBuilder();
            while (rs.next()) {
                if (rows++ == 0) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        first.append(i > 1 ? ", " : "")
                                .append(rs.getMetaData().getColumnLabel(i))
                                .append('=')
                                .append(rs.getObject(i));
                    }
                }
            }
            return rows == 0 ? List.of() : List.of(new Breach(file, check, rows, first.toString()));
        } catch (SQLException e) {
            throw new SQLException("warehouse/contracts/" + file + ", check '" + check + "': " + e.getMessage(), e);
        }
    }

    /** The scoped contract of a view ({@code contracts/by_period/<file>}), or null when it has none. */
    private static String scoped(String file) throws IOException {
        try (InputStream in =
                Contracts.class.getClassLoader().getResourceAsStream("warehouse/contracts/by_period/" + file)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Resource[] resources() throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath*:warehouse/contracts/*.sql");
    }

    /** Every contract's text, the scoped ones with them (what a build's fingerprint includes, BuildInputs). */
    static String texts() throws IOException {
        StringBuilder out = new StringBuilder();
        for (Resource r : resources()) {
            try (InputStream in = r.getInputStream()) {
                out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .append('\n');
            }
            String scoped = scoped(r.getFilename());
            out.append(scoped == null ? "" : scoped).append('\n');
        }
        return out.toString();
    }

    /** How many checks there are (a test makes sure they ran). */
    public static int count() {
        int n = 0;
        try {
            for (Resource r : resources()) {
                try (InputStream in = r.getInputStream()) {
                    n += (int) new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .filter(l -> l.startsWith("-- check:"))
                            .count();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }
}
