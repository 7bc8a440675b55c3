package org.mizan.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mizan.duckdb.SqlFiles;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;

/**
 * What the lake held when a build read it, kept in the build ({@code mizan_build_files}, and
 * {@code mizan_build_file_projects}: which projects each file of a {@link #KEYED} dataset has rows of), so that the
 * next build finds the files a load added or took away, the projects they touch ({@code build_affected_projects})
 * and the files that hold those projects: all an update by project reads ({@link BuildPlan#byProject}).
 */
final class LakeIndex {

    /** The datasets whose rows each name a project ({@code project_id}). */
    static final Set<String> KEYED = Arrays.stream(Dataset.values())
            .filter(d -> d.schema().getField("project_id") != null)
            .map(Dataset::folder)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * The datasets partitioned by month ({@code period=YYYY-MM/source=…/}) whose tables may be updated by period
     * ({@link BuildPlan#byPeriod}): a file holds the rows of its folder's month only.
     */
    static final Set<String> BY_MONTH = Set.of(Dataset.REMITTANCE_TRANSACTIONS.folder());

    private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile("(\\d{4})-(\\d{2})");

    /** One data file of the lake: its dataset, its path under the lake, size and time (ms). */
    record LakeFile(String dataset, String path, long size, long modified) {}

    private LakeIndex() {}

    /** Every data file of the lake's datasets: what the datasets' fingerprints ({@link BuildInputs}) are made of. */
    static List<LakeFile> list(Lake lake) throws IOException {
        List<LakeFile> out = new ArrayList<>();
        for (Dataset d : Dataset.values()) {
            Path dir = lake.dir(d);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                        .sorted()
                        .toList()) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    out.add(new LakeFile(
                            d.folder(),
                            lake.root().relativize(p).toString(),
                            a.size(),
                            a.lastModifiedTime().toMillis()));
                }
            }
        }
        return out;
    }

    /**
     * Brings the index of the build on {@code c} up to the lake's {@code files} and fills the temporary table
     * {@code build_affected_projects}: with {@code fresh} (a build in a new file) the index is made from every file
     * and no project counts as touched; otherwise (a copy of the previous build) the files taken away leave the index
     * and the added ones enter it, and their projects are the touched ones.
     */
    static void update(Connection c, Lake lake, List<LakeFile> files, boolean fresh) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : SqlFiles.statements(SqlFiles.text("queries/build_lake_index.sql"))) {
                s.execute(sql);
            }
            try (PreparedStatement p =
                    c.prepareStatement(SqlFiles.statements(SqlFiles.text("queries/build_lake_files_insert.sql"))
                            .get(0))) {
                for (LakeFile f : files) {
                    p.setString(1, f.dataset());
                    p.setString(2, f.path());
                    p.setLong(3, f.size());
                    p.setLong(4, f.modified());
                    p.addBatch();
                }
                p.executeBatch();
            }
            for (String sql : SqlFiles.statements(SqlFiles.text("queries/build_lake_changes.sql"))) {
                s.execute(sql);
            }
            Map<String, List<String>> added = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery(SqlFiles.statements(SqlFiles.text("queries/build_lake_added.sql"))
                    .get(0))) {
                while (r.next()) {
                    added.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add(r.getString(2));
                }
            }
            String prefix = Integer.toString(lake.root().toString().length() + 2);
            for (Map.Entry<String, List<String>> e : added.entrySet()) {
                if (!KEYED.contains(e.getKey())) {
                    continue;
                }
                s.execute(SqlFiles.statements(SqlFiles.text("queries/build_lake_file_projects.sql"))
                        .get(0)
                        .replace("{{dataset}}", e.getKey())
                        .replace("{{prefix}}", prefix)
                        .replace(
                                "{{files}}",
                                BuildSql.sqlList(e.getValue().stream()
                                        .map(lake.root()::resolve)
                                        .toList())));
            }
            if (!fresh) {
                // a new file's index starts empty: every file is added to it, and no project counts as touched
                for (String sql : SqlFiles.statements(SqlFiles.text("queries/build_affected_add.sql"))) {
                    s.execute(sql);
                }
            }
        }
    }

    /**
     * Per {@link #KEYED} dataset, the files that hold rows of a touched project ({@code build_affected_projects},
     * after {@link #update}): all an update by project reads of the dataset.
     */
    static Map<String, List<Path>> affectedFiles(Connection c, Lake lake) throws SQLException {
        return filesByDataset(
                c,
                lake,
                SqlFiles.statements(SqlFiles.text("queries/build_affected_files.sql"))
                        .get(0),
                KEYED);
    }

    /** Per dataset of {@code datasets}, the lake files {@code sql} lists for it (its one parameter the dataset). */
    private static Map<String, List<Path>> filesByDataset(Connection c, Lake lake, String sql, Set<String> datasets)
            throws SQLException {
        Map<String, List<Path>> out = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (String dataset : datasets) {
                p.setString(1, dataset);
                List<Path> files = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        files.add(lake.root().resolve(r.getString(1)));
                    }
                }
                out.put(dataset, files);
            }
        }
        return out;
    }

    /**
     * What a load touched in the {@link #BY_MONTH} datasets: the lake partitions ({@code period/source}, as the
     * folders name them) of the files it added or took away, their months, and the keys of the tables updated by
     * period ({@code keys}: the months with their quarters {@code YYYY-Qn} and years {@code YYYY}).
     */
    record Touched(Set<String> partitions, Set<String> months, Set<String> keys) {}

    /**
     * The partitions and periods a load touched (after {@link #update}); null when a changed file's folders name no
     * month or source (the build is then whole).
     */
    static Touched affectedPeriods(Connection c) throws SQLException {
        Set<String> partitions = new java.util.TreeSet<>();
        Set<String> months = new java.util.TreeSet<>();
        Set<String> keys = new java.util.TreeSet<>();
        try (PreparedStatement p =
                c.prepareStatement(SqlFiles.statements(SqlFiles.text("queries/build_affected_periods.sql"))
                        .get(0))) {
            for (String dataset : BY_MONTH) {
                p.setString(1, dataset);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        java.util.regex.Matcher m = MONTH.matcher(r.getString(1));
                        if (!m.matches() || r.getString(2).isEmpty()) {
                            return null;
                        }
                        int month = Integer.parseInt(m.group(2));
                        partitions.add(r.getString(1) + "/" + r.getString(2));
                        months.add(r.getString(1));
                        keys.add(r.getString(1));
                        keys.add(m.group(1) + "-Q" + ((month - 1) / 3 + 1));
                        keys.add(m.group(1));
                    }
                }
            }
        }
        return new Touched(partitions, months, keys);
    }

    /** Per {@link #BY_MONTH} dataset, its files of the touched partitions: all an update by period reads. */
    static Map<String, List<Path>> periodFiles(Connection c, Lake lake, Touched touched) throws SQLException {
        String sql = SqlFiles.statements(SqlFiles.text("queries/build_period_files.sql"))
                .get(0)
                .replace("{{partitions}}", literals(touched.partitions()));
        return filesByDataset(c, lake, sql, BY_MONTH);
    }

    /** Values as the items of a SQL list: {@code '2024-01', '2024-Q1'}. */
    static String literals(Set<String> values) {
        return values.isEmpty() ? "null" : BuildSql.sqlList(values);
    }
}
