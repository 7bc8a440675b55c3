package org.mizan.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mizan.duckdb.SqlFiles;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;

/**
 * A build file under {@code warehouse/build/} as the build runs it: {@code {{lake:dataset}}} stands for that
 * dataset's Parquet files in the lake of this home (read as a Hive-partitioned table, {@code queries/lake_dataset.sql};
 * {@code {{lake:dataset:filename}}} adds each row's file as the column {@code filename}), {@code {{param:name}}} for
 * a numeric parameter, and {@code {{approvals}}} for the approval snapshot.
 */
final class BuildSql {

    /** A dataset's read: group 1 the dataset, group 2 {@code :filename} when the rows carry their file. */
    static final Pattern LAKE = Pattern.compile("\\{\\{lake:([a-z_]+)(:filename)?}}");

    private static final Pattern PARAM = Pattern.compile("\\{\\{param:([a-z_]+)}}");

    /**
     * The warehouse's numeric parameters: {@code {{param:name}}} in a build file stands for the environment's
     * {@code MIZAN_<NAME>} (or the system property {@code mizan.<name>}), else the default here; always a number.
     */
    static final Map<String, String> PARAMETER_DEFAULTS = Map.of("reconciliation_tolerance_pct", "5");

    /** The approval states a build reads (see {@link ApprovalSnapshotFile}). */
    private static final String APPROVALS = "{{approvals}}";

    private BuildSql() {}

    static String parameter(String name) {
        String def = PARAMETER_DEFAULTS.get(name);
        if (def == null) {
            throw new IllegalStateException(
                    "unknown warehouse parameter {{param:" + name + "}} (known: " + PARAMETER_DEFAULTS.keySet() + ")");
        }
        String env = "MIZAN_" + name.toUpperCase(Locale.ROOT);
        String v = System.getProperty("mizan." + name, System.getenv(env));
        if (v == null || v.isBlank()) {
            return def;
        }
        if (!v.strip().matches("\\d+(\\.\\d+)?")) {
            throw new IllegalStateException(env + "='" + v + "' is not a number (e.g. 5 or 2.5)");
        }
        return v.strip();
    }

    /**
     * What {@code {{lake:dataset}}} stands for: the dataset's folder read as a Hive table, or, for a dataset with no
     * file yet, its empty schema file (a glob that meets no file is an error to DuckDB). Call under the lake's lock.
     */
    static String read(Lake lake, Dataset dataset, boolean filename) {
        return read(lake, dataset, filename, Map.of());
    }

    /**
     * As {@link #read(Lake, Dataset, boolean)}, but a dataset of {@code only} is read from the files listed there,
     * and only the rows of the projects an update by project touches (queries/lake_dataset_files.sql), or, for a
     * dataset partitioned by month, those files whole (an update by period, queries/lake_dataset_period_files.sql);
     * an empty list reads the empty schema file.
     */
    static String read(Lake lake, Dataset dataset, boolean filename, Map<String, List<Path>> only) {
        String options = filename ? ", filename = true" : "";
        List<Path> files = only.get(dataset.folder());
        try {
            if (files != null && !files.isEmpty()) {
                // a dataset partitioned by month is read by whole months (an update by period), others by project
                return expression(
                                LakeIndex.BY_MONTH.contains(dataset.folder())
                                        ? "queries/lake_dataset_period_files.sql"
                                        : "queries/lake_dataset_files.sql")
                        .replace("{{files}}", sqlList(files))
                        .replace("{{options}}", options);
            }
            if (files == null && lake.hasFiles(dataset)) {
                return expression("queries/lake_dataset.sql")
                        .replace("{{glob}}", lake.glob(dataset).replace("'", "''"))
                        .replace("{{options}}", options);
            }
            lake.ensureSchemaFile(dataset);
            return expression("queries/lake_dataset_empty.sql")
                    .replace("{{file}}", lake.schemaFile(dataset).toString().replace("'", "''"))
                    .replace("{{options}}", options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A SQL file holding one expression, without its comment lines. */
    private static String expression(String name) {
        return String.join(
                "\n",
                SqlFiles.text(name)
                        .lines()
                        .filter(l -> !l.strip().startsWith("--"))
                        .toList());
    }

    /** The file's text with the lake placeholders filled in for {@code lake}, and the parameters. */
    static String withLake(String name, Lake lake) {
        return fill(SqlFiles.text(name), lake);
    }

    /**
     * Values (paths, periods) as the items of a SQL list, each a string literal: {@code '/a/b.parquet', '/c/d.parquet'}.
     */
    static String sqlList(java.util.Collection<?> values) {
        return values.stream()
                .map(v -> "'" + v.toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
    }

    /** A build file's text (or one of its statements) with the lake placeholders and the parameters filled in. */
    static String fill(String text, Lake lake) {
        return fill(text, lake, Map.of());
    }

    /** As {@link #fill(String, Lake)}, the datasets of {@code only} read as {@link #read(Lake, Dataset, boolean, Map)}. */
    static String fill(String text, Lake lake, Map<String, List<Path>> only) {
        Matcher p = PARAM.matcher(text);
        StringBuilder withParams = new StringBuilder();
        while (p.find()) {
            p.appendReplacement(withParams, parameter(p.group(1)));
        }
        p.appendTail(withParams);
        Matcher m = LAKE.matcher(withParams);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    out, Matcher.quoteReplacement(read(lake, Dataset.of(m.group(1)), m.group(2) != null, only)));
        }
        m.appendTail(out);
        if (out.indexOf(APPROVALS) < 0) {
            return out.toString();
        }
        try {
            return out.toString().replace(APPROVALS, ApprovalSnapshotFile.readCsv(lake.root()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
