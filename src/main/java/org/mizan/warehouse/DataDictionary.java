package org.mizan.warehouse;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mizan.duckdb.SqlFiles;

/**
 * The data dictionary, kept in the SQL: the doc block above each public view ({@code -- view: name — title}, then
 * {@code -- | column: meaning} per column, in the view's order) in the files of {@code warehouse/build/BUILD}. The
 * build stores it as DuckDB comments on the views and columns (so BI tools show it), and {@code warehouse/README.md}
 * holds it rendered between markers ({@code mizan dictionary --write}); a test fails when either drifts.
 */
public final class DataDictionary {

    public static final String START =
            "<!-- dictionary:start (generated from the SQL by `mizan dictionary --write`; edit the SQL, not this) -->";
    public static final String END = "<!-- dictionary:end -->";
    private static final Pattern VIEW = Pattern.compile("^--\\s*view:\\s*(\\w+)\\s*—\\s*(.*)$");
    private static final Pattern COLUMN = Pattern.compile("^--\\s*\\|\\s*(\\w+):\\s*(.*)$");
    private static final Pattern AS_IN = Pattern.compile("^--\\s*\\|\\s*columns as in (\\w+)$");
    private static final Pattern CREATE =
            Pattern.compile("^create (?:or replace )?view (\\w+)\\b", Pattern.CASE_INSENSITIVE);

    /** One documented view: its title and its columns' meanings, in order, and the file it is in. */
    public record View(String name, String title, Map<String, String> columns, String file) {}

    private DataDictionary() {}

    /**
     * Every documented view, in build order. A view defined again in a later file (to add columns) is documented
     * there by the columns it adds; {@code -- | columns as in V} stands for every column of view V.
     */
    public static List<View> views() {
        List<View> read = views;
        if (read == null) {
            read = parse();
            views = read;
        }
        return read;
    }

    /**
     * The views as read once in this process: they come from the packaged build scripts, which do not change under
     * a running process, and a dashboard checks its panels against them on every page (parsing them each time took
     * a tenth of the Java CPU of {@code demo}'s static dashboard).
     */
    private static volatile List<View> views;

    private static List<View> parse() {
        Map<String, View> out = new LinkedHashMap<>();
        for (String script : SqlFiles.text("build/BUILD").strip().split("\\s+")) {
            String name = null;
            String title = null;
            Map<String, String> columns = new LinkedHashMap<>();
            for (String line : SqlFiles.text("build/" + script).split("\n")) {
                String t = line.strip();
                Matcher v = VIEW.matcher(t);
                Matcher c = COLUMN.matcher(t);
                Matcher create = CREATE.matcher(t);
                if (v.matches()) {
                    name = v.group(1);
                    title = v.group(2).strip();
                    columns = new LinkedHashMap<>();
                } else if (c.matches() && name != null) {
                    columns.put(c.group(1), c.group(2).strip());
                } else if (AS_IN.matcher(t).matches() && name != null) {
                    View like = out.get(AS_IN.matcher(t).replaceFirst("$1"));
                    if (like == null) {
                        throw new IllegalStateException(
                                "warehouse/build/" + script + ": " + t + " names a view not documented before it");
                    }
                    columns.putAll(like.columns());
                } else if (create.find() && name != null) {
                    if (!create.group(1).equals(name)) {
                        throw new IllegalStateException("warehouse/build/" + script + ": the doc block of '" + name
                                + "' stands above view " + create.group(1));
                    }
                    View earlier = out.get(name);
                    if (earlier != null) {
                        Map<String, String> all = new LinkedHashMap<>(earlier.columns());
                        all.putAll(columns);
                        out.put(name, new View(name, earlier.title(), all, earlier.file()));
                    } else {
                        out.put(name, new View(name, title, columns, script));
                    }
                    name = null;
                } else if (!t.startsWith("--")) {
                    name = null;
                }
            }
        }
        List<View> all = new ArrayList<>();
        for (View v : out.values()) {
            all.add(new View(v.name(), v.title(), java.util.Collections.unmodifiableMap(v.columns()), v.file()));
        }
        return List.copyOf(all);
    }

    /** The dictionary as Markdown: a section per view, a line per column. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        for (View v : views()) {
            md.append("\n### `")
                    .append(v.name())
                    .append("` — ")
                    .append(v.title())
                    .append('\n');
            v.columns()
                    .forEach((col, meaning) -> md.append("- `")
                            .append(col)
                            .append("` — ")
                            .append(meaning)
                            .append('\n'));
        }
        return md.toString();
    }

    /** The README text with its generated part replaced by the current dictionary. */
    public static String intoReadme(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(
                    "warehouse/README.md has no dictionary markers (" + START + " … " + END + ")");
        }
        return readme.substring(0, start + START.length()) + "\n" + markdown() + "\n" + readme.substring(end);
    }

    /** Stores the dictionary as comments on the built views and their columns. */
    static void comment(Statement s) throws SQLException {
        for (View v : views()) {
            s.execute("comment on view " + v.name() + " is " + literal(v.title()));
            for (Map.Entry<String, String> c : v.columns().entrySet()) {
                s.execute("comment on column " + v.name() + "." + c.getKey() + " is " + literal(c.getValue()));
            }
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
