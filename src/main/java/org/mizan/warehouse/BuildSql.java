package org.mizan.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mizan.duckdb.SqlFiles;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;

/**
 * A build file under {@code warehouse/build/} as the build runs it: {@code {{lake:dataset}}} stands for that
 * dataset's Parquet files in the lake of this home, {@code {{param:name}}} for a numeric parameter, and
 * {@code {{approvals}}} for the approval snapshot.
 */
final class BuildSql {

    private static final Pattern LAKE = Pattern.compile("\\{\\{lake:([a-z_]+)}}");
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

    /** The file's text with the lake placeholders filled in for {@code lake}, and the parameters. */
    static String withLake(String name, Lake lake) {
        return fill(SqlFiles.text(name), lake);
    }

    /** A build file's text (or one of its statements) with the lake placeholders and the parameters filled in. */
    static String fill(String text, Lake lake) {
        Matcher p = PARAM.matcher(text);
        StringBuilder withParams = new StringBuilder();
        while (p.find()) {
            p.appendReplacement(withParams, parameter(p.group(1)));
        }
        p.appendTail(withParams);
        Matcher m = LAKE.matcher(withParams);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String glob = lake.glob(Dataset.of(m.group(1))).replace("'", "''");
            m.appendReplacement(out, Matcher.quoteReplacement("read_parquet('" + glob + "', union_by_name = true)"));
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
