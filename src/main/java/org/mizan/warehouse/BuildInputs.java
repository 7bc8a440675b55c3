package org.mizan.warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mizan.duckdb.DuckDb;
import org.mizan.duckdb.SqlFiles;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;
import org.mizan.quality.QualityCheck;
import org.mizan.quality.Review;

/**
 * What a build is made from, as fingerprints stored in the build ({@code mizan_build_inputs}): one per lake dataset
 * (the path, size and modification time of each of its files, so that any change to the lake shows, whether a load's
 * commit, a quarantine or a key rotation made it) and one, {@code build}, for everything else a build reads (the
 * build SQL as it runs, with the parameters, approvals and lake paths filled in, the approval states, the quality
 * checks and reviews).
 */
final class BuildInputs {

    /** Raised when the way the build reads its inputs changes, so that no older build is taken as a start. */
    private static final String VERSION = "2"; // 2: builds keep the lake's files and their projects (LakeIndex)

    static final String BUILD = "build";

    private BuildInputs() {}

    /**
     * The build's inputs: one fingerprint of the build SQL as run, the quality settings, approvals and reviews, and
     * one per dataset of its lake files ({@code files}, as {@link LakeIndex#list} found them: path, size and time).
     */
    static Map<String, String> of(
            Lake lake, BuildPlan plan, List<QualityCheck> checks, List<Review> reviews, List<LakeIndex.LakeFile> files)
            throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder build = new StringBuilder(VERSION).append('\n');
        for (BuildPlan.Step step : plan.steps()) {
            // a dataset's read is left as its placeholder: what it stands for (the folder, or the empty schema file
            // while the dataset has no file) follows the lake, and the lake's changes are the datasets' fingerprints
            String sql = BuildSql.LAKE.matcher(step.sql()).replaceAll("[lake:$1$2]");
            build.append(BuildSql.fill(sql, lake)).append("\n;\n");
        }
        build.append(SqlFiles.text("queries/quality_config.sql")).append('\n');
        // the approval states the build reads ({{approvals}} names the file; what it holds is an input too: a reopen
        // or an approval changes it and nothing in the lake)
        Path approvals = ApprovalSnapshotFile.of(lake.root());
        if (Files.isRegularFile(approvals)) {
            build.append(Files.readString(approvals, StandardCharsets.UTF_8)).append('\n');
        }
        // the contracts: a build by period checks some views on the touched months only (Contracts), so a changed
        // contract is first run by a full build, on every row
        build.append(Contracts.texts()).append('\n');
        checks.forEach(c -> build.append(c).append('\n'));
        reviews.forEach(r -> build.append(r).append('\n'));
        out.put(BUILD, sha256(build.toString()));
        for (Dataset d : Dataset.values()) {
            out.put(d.folder(), fingerprint(lake, d, files));
        }
        return out;
    }

    /** A dataset's files (path under its folder, size, time), sorted: what a load changes in it changes this. */
    private static String fingerprint(Lake lake, Dataset d, List<LakeIndex.LakeFile> files) {
        Path dir = lake.dir(d);
        TreeSet<String> lines = new TreeSet<>();
        for (LakeIndex.LakeFile f : files) {
            if (f.dataset().equals(d.folder())) {
                lines.add(dir.relativize(lake.root().resolve(f.path())) + "\t" + f.size() + "\t" + f.modified());
            }
        }
        return sha256(String.join("\n", lines));
    }

    /**
     * The datasets whose fingerprint differs from the one {@code previous} was built from, or null when a full build
     * is needed: no previous build, one from before fingerprints or from other build inputs, or one not readable.
     */
    static Set<String> changedSince(Path previous, Map<String, String> now) {
        if (previous == null || Files.exists(previous.resolveSibling(previous.getFileName() + ".wal"))) {
            return null;
        }
        Map<String, String> before = new LinkedHashMap<>();
        try (Connection c = DuckDb.readOnly(previous);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(SqlFiles.statements(SqlFiles.text("queries/build_inputs_read.sql"))
                        .get(0))) {
            while (r.next()) {
                before.put(r.getString(1), r.getString(2));
            }
        } catch (SQLException e) {
            return null; // a build from before the fingerprints
        }
        if (!now.get(BUILD).equals(before.get(BUILD))) {
            return null;
        }
        Set<String> changed = new TreeSet<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!e.getKey().equals(BUILD) && !e.getValue().equals(before.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        return changed;
    }

    /** The row that says how a build was made: {@code full} or {@code incremental} (not compared). */
    static final String KIND = "kind";

    /**
     * The row that says what an incremental build rebuilt dirty tables by (not compared): {@code all} for a full
     * build, {@code dataset} when it built them whole, {@code project} when it updated the tables marked
     * {@code -- incremental: by project_id} ({@link BuildPlan#MARKER}) for the projects the load touched only, {@code period} when it updated the tables
     * marked {@code -- incremental: by period} (or {@code by quarter}) for the months the load touched, their
     * quarters and years only.
     */
    static final String UNIT = "unit";

    static void write(Connection c, Map<String, String> inputs, String unit) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : SqlFiles.statements(SqlFiles.text("queries/build_inputs.sql"))) {
                s.execute(sql);
            }
        }
        try (PreparedStatement p =
                c.prepareStatement(SqlFiles.statements(SqlFiles.text("queries/build_inputs_insert.sql"))
                        .get(0))) {
            for (Map.Entry<String, String> e : inputs.entrySet()) {
                p.setString(1, e.getKey());
                p.setString(2, e.getValue());
                p.addBatch();
            }
            p.setString(1, KIND);
            p.setString(2, unit.equals("all") ? "full" : "incremental");
            p.addBatch();
            p.setString(1, UNIT);
            p.setString(2, unit);
            p.addBatch();
            p.executeBatch();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
