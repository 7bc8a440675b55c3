package org.mizan.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;

/**
 * The SQL files under {@code warehouse/} (packaged on the class path), with {@code {{lake:dataset}}} standing for
 * that dataset's Parquet files in the lake of this home.
 */
public final class SqlFiles {

    private static final Pattern LAKE = Pattern.compile("\\{\\{lake:([a-z_]+)}}");

    private SqlFiles() {
    }

    public static String text(String name) {
        String resource = "warehouse/" + name;
        try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL file " + resource + " (is the jar built from this checkout?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern PARAM = Pattern.compile("\\{\\{param:([a-z_]+)}}");

    /**
     * The warehouse's numeric parameters: {@code {{param:name}}} in a build file stands for the environment's
     * {@code MIZAN_<NAME>} (or the system property {@code mizan.<name>}), else the default here; always a number.
     */
    static final java.util.Map<String, String> PARAMETER_DEFAULTS = java.util.Map.of("reconciliation_tolerance_pct", "5");

    static String parameter(String name) {
        String def = PARAMETER_DEFAULTS.get(name);
        if (def == null) {
            throw new IllegalStateException("unknown warehouse parameter {{param:" + name + "}} (known: " + PARAMETER_DEFAULTS.keySet() + ")");
        }
        String env = "MIZAN_" + name.toUpperCase(java.util.Locale.ROOT);
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
    public static String withLake(String name, Lake lake) {
        Matcher p = PARAM.matcher(text(name));
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

    /** The approval states a build reads (see {@link ApprovalSnapshotFile}). */
    private static final String APPROVALS = "{{approvals}}";

    /** Splits a script into statements at semicolons that end a line; comment lines are dropped. */
    public static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (t.endsWith(";")) {
                out.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
