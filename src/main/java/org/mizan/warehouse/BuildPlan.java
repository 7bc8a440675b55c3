package org.mizan.warehouse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mizan.duckdb.SqlFiles;

/**
 * The statements of {@code warehouse/build/} with what each one writes and reads, so that a build can run only the
 * statements that depend on the lake datasets a load changed (the incremental build, {@link Warehouse}).
 *
 * <p>A statement writes one object: the table, view or macro it creates ({@code create [temp] table|view|macro X}),
 * the table it changes ({@code delete from X}, {@code update X}, {@code insert into X}) or the new name of a view it
 * renames ({@code alter view X rename to Y} writes Y and reads X). It reads every other object of the build it
 * names, and every lake dataset of a {@code {{lake:dataset}}} placeholder. An object is dirty when a statement that
 * writes it reads a changed dataset or a dirty object, or uses the day of the build ({@code current_date}).
 */
final class BuildPlan {

    enum Kind {
        /** Creates or changes a table of the warehouse file: rerun when dirty. */
        TABLE,
        /** Creates a temporary view or table: not in the file, so made again when a statement that runs reads it. */
        TEMP,
        /** Defines a view or macro, or renames a view: stored in the file and the same from build to build. */
        DEFINITION
    }

    /**
     * One statement: its file, its text with the placeholders left in, what it writes and reads, and its text as an
     * incremental build runs it ({@code incrementalSql}: a view the build renames later, {@code alter view X rename
     * to Y}, is named Y there, since the copied build holds the view's first definition under that name).
     */
    record Step(
            String script,
            String sql,
            Kind kind,
            String target,
            Set<String> reads,
            Set<String> datasets,
            boolean volatileDay,
            String incrementalSql,
            String key) {}

    /**
     * The marker of a file whose tables may be updated by a key: {@code -- incremental: by project_id}, when every
     * table it creates holds rows that each follow from the rows of one {@code project_id} alone (its inputs' rows of
     * that project, and tables no load of a project changes: such a table is updated by project, {@link #byProject}),
     * or {@code -- incremental: by period} / {@code by quarter} / {@code by partition}, for tables whose rows each follow
     * from the rows of one period alone (a month, or the quarter or year that the column holds, or one lake partition
     * of a month and source: the remittance tables, updated for the periods a load touched). Group 1 the key.
     */
    static final Pattern MARKER = Pattern.compile("^-- incremental: by ([a-z_]+)$");

    /** The key column of the update by project. */
    static final Set<String> PROJECT_KEYS = Set.of("project_id");

    /**
     * The keys of the update by period: a month ({@code YYYY-MM}) or year in the column {@code period}, a quarter
     * ({@code quarter}), or a lake partition ({@code partition}: the columns {@code period} and {@code source_id}, a
     * table of the lake's rows as they are).
     */
    static final Set<String> PERIOD_KEYS = Set.of("period", "quarter", "partition");

    private static final Pattern CREATE = Pattern.compile(
            "^create\\s+(or\\s+replace\\s+)?(temp\\s+|temporary\\s+)?(table|view|macro)\\s+([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGE =
            Pattern.compile("^(delete\\s+from|update|insert\\s+into)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME = Pattern.compile(
            "^alter\\s+view\\s+([a-z_][a-z0-9_]*)\\s+rename\\s+to\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    /** A table's making as a query, {@code create table X as <query>}: group 1 the query. */
    static final Pattern CREATE_AS = Pattern.compile(
            "^create\\s+table\\s+[a-z_][a-z0-9_]*\\s+as\\s+(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern COMMENT = Pattern.compile("--[^\n]*");
    private static final Pattern TODAY = Pattern.compile(
            "\\b(current_date|current_timestamp|now\\s*\\(|today\\s*\\(|get_current_time|random\\s*\\()",
            Pattern.CASE_INSENSITIVE);

    private final List<Step> steps;

    private BuildPlan(List<Step> steps) {
        this.steps = steps;
    }

    List<Step> steps() {
        return steps;
    }

    /** The plan of the scripts listed in {@code warehouse/build/BUILD}, in build order. */
    static BuildPlan load() {
        List<String[]> raw = new ArrayList<>();
        Map<String, String> keyOf = new HashMap<>();
        for (String script : SqlFiles.text("build/BUILD").strip().split("\\s+")) {
            String text = SqlFiles.text("build/" + script);
            for (String line : text.lines().toList()) {
                Matcher m = MARKER.matcher(line.strip());
                if (m.find()) {
                    if (!PROJECT_KEYS.contains(m.group(1)) && !PERIOD_KEYS.contains(m.group(1))) {
                        throw new IllegalStateException("warehouse/build/" + script + ": '" + line.strip()
                                + "' names no key an incremental build knows (project_id, period, quarter, partition)");
                    }
                    keyOf.put(script, m.group(1));
                }
            }
            for (String sql : SqlFiles.statements(text)) {
                raw.add(new String[] {script, sql});
            }
        }
        Set<String> objects = new HashSet<>();
        for (String[] r : raw) {
            objects.add(target(r[1]).name);
        }
        List<Step> steps = new ArrayList<>();
        for (String[] r : raw) {
            Target t = target(r[1]);
            // a lake placeholder names a dataset, not an object of the build ({{lake:projects}} is no read of the view)
            String code = BuildSql.LAKE
                    .matcher(COMMENT.matcher(STRING.matcher(r[1]).replaceAll("''"))
                            .replaceAll(""))
                    .replaceAll("");
            Set<String> reads = new LinkedHashSet<>();
            Matcher w = WORD.matcher(code);
            while (w.find()) {
                String word = w.group().toLowerCase(Locale.ROOT);
                if (objects.contains(word) && !word.equals(t.name)) {
                    reads.add(word);
                }
            }
            if (t.renamedFrom != null) {
                reads.add(t.renamedFrom);
            }
            Set<String> datasets = new LinkedHashSet<>();
            Matcher l = BuildSql.LAKE.matcher(r[1]);
            while (l.find()) {
                datasets.add(l.group(1));
            }
            steps.add(new Step(
                    r[0],
                    r[1],
                    t.kind,
                    t.name,
                    reads,
                    datasets,
                    TODAY.matcher(code).find(),
                    r[1],
                    keyOf.get(r[0])));
        }
        Set<String> firstSeen = new HashSet<>();
        for (Step s : steps) {
            if (s.key() != null && s.kind() == Kind.TABLE) {
                boolean first = firstSeen.add(s.target());
                if (first != CREATE_AS.matcher(s.sql().strip()).find()) {
                    throw new IllegalStateException("warehouse/build/" + s.script() + " is marked '-- incremental: by "
                            + s.key()
                            + "': each of its tables must be made by one 'create table … as select', then changed by"
                            + " delete or update only; not: "
                            + s.sql()
                                    .strip()
                                    .substring(0, Math.min(80, s.sql().strip().length())));
                }
            }
        }
        for (int r = 0; r < steps.size(); r++) {
            Step rename = steps.get(r);
            Matcher m = RENAME.matcher(rename.sql().strip());
            if (!m.find()) {
                continue;
            }
            String from = m.group(1).toLowerCase(Locale.ROOT);
            for (int i = 0; i < r; i++) {
                Step s = steps.get(i);
                if (s.kind() != Kind.DEFINITION && s.reads().contains(from)) {
                    steps.set(
                            i,
                            new Step(
                                    s.script(),
                                    s.sql(),
                                    s.kind(),
                                    s.target(),
                                    s.reads(),
                                    s.datasets(),
                                    s.volatileDay(),
                                    renameOutsideStrings(s.incrementalSql(), from, rename.target()),
                                    s.key()));
                }
            }
        }
        return new BuildPlan(steps);
    }

    /** {@code sql} with the identifier {@code from} named {@code to}, string literals left as they are. */
    static String renameOutsideStrings(String sql, String from, String to) {
        Pattern word = Pattern.compile("(?i)(?<![A-Za-z0-9_.])" + Pattern.quote(from) + "(?![A-Za-z0-9_])");
        StringBuilder out = new StringBuilder();
        Matcher str = STRING.matcher(sql);
        int at = 0;
        while (str.find()) {
            out.append(word.matcher(sql.substring(at, str.start())).replaceAll(to));
            out.append(str.group());
            at = str.end();
        }
        out.append(word.matcher(sql.substring(at)).replaceAll(to));
        return out.toString();
    }

    private record Target(String name, Kind kind, String renamedFrom) {}

    private static Target target(String sql) {
        String s = sql.strip();
        Matcher c = CREATE.matcher(s);
        if (c.find()) {
            String name = c.group(4).toLowerCase(Locale.ROOT);
            if (c.group(2) != null) {
                return new Target(name, Kind.TEMP, null);
            }
            return new Target(name, c.group(3).equalsIgnoreCase("table") ? Kind.TABLE : Kind.DEFINITION, null);
        }
        Matcher ch = CHANGE.matcher(s);
        if (ch.find()) {
            return new Target(ch.group(2).toLowerCase(Locale.ROOT), Kind.TABLE, null);
        }
        Matcher r = RENAME.matcher(s);
        if (r.find()) {
            return new Target(
                    r.group(2).toLowerCase(Locale.ROOT),
                    Kind.DEFINITION,
                    r.group(1).toLowerCase(Locale.ROOT));
        }
        throw new IllegalStateException(
                "warehouse/build: cannot tell what this statement writes (create, delete, update,"
                        + " insert or alter view … rename): " + s.substring(0, Math.min(80, s.length())));
    }

    /**
     * The statements an incremental build runs when the datasets {@code changed} changed: every statement of a dirty
     * table (its first one, a create, after dropping the copy's table), and the temporary views and tables those
     * read, directly or through others. Definitions (views, macros, renames) are kept from the previous build.
     */
    List<Step> toRun(Set<String> changed) {
        Set<String> dirty = dirty(changed);
        // the temporary objects the statements that run read (directly or through another temporary object)
        Set<String> needed = new HashSet<>();
        for (Step s : steps) {
            if (s.kind() == Kind.TABLE && dirty.contains(s.target())) {
                needed.addAll(s.reads());
            }
        }
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            if (s.kind() == Kind.TEMP && needed.contains(s.target())) {
                needed.addAll(s.reads());
            }
        }
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            boolean run = switch (s.kind()) {
                case TABLE -> dirty.contains(s.target());
                case TEMP -> needed.contains(s.target());
                case DEFINITION -> false;
            };
            if (run) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The objects a change of the datasets {@code changed} makes dirty: those a statement writes that reads a changed
     * dataset or a dirty object, or uses the day of the build, and so on.
     */
    private Set<String> dirty(Set<String> changed) {
        Set<String> dirty = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Step s : steps) {
                if (dirty.contains(s.target())) {
                    continue;
                }
                boolean isDirty = s.volatileDay()
                        || s.datasets().stream().anyMatch(changed::contains)
                        || s.reads().stream().anyMatch(dirty::contains);
                if (isDirty) {
                    dirty.add(s.target());
                    grew = true;
                }
            }
        }
        return dirty;
    }

    /**
     * The tables an incremental build may update by project when only the datasets {@code changed} changed, all of
     * them among {@code keyed} (datasets whose rows each name a project_id): {@link #byKey} with the key project_id.
     */
    Set<String> byProject(Set<String> changed, Set<String> keyed) {
        return byKey(changed, keyed, PROJECT_KEYS);
    }

    /**
     * The tables an incremental build may update by period when only the datasets {@code changed} changed, all of
     * them among {@code keyed} (datasets partitioned by month): {@link #byKey} with the keys period, quarter and
     * partition.
     */
    Set<String> byPeriod(Set<String> changed, Set<String> keyed) {
        return byKey(changed, keyed, PERIOD_KEYS);
    }

    /**
     * The tables an incremental build may update by key (a project, or a period) when only the datasets
     * {@code changed} changed, all of them among {@code keyed}: the dirty tables of files marked
     * {@code -- incremental: by K} with K one of {@code keys}. In such a build every read of a keyed dataset reads
     * only the rows of the keys the change touched, so the plan qualifies only when every statement that runs and
     * reads a keyed dataset (directly or through temporary objects) makes such a table, and such a table reads no
     * other dirty object than these tables, those reads and the views over them, and never the day of the build.
     * Null when the plan does not qualify (the build then rebuilds the dirty tables whole).
     */
    Set<String> byKey(Set<String> changed, Set<String> keyed, Set<String> keys) {
        if (changed.isEmpty() || !keyed.containsAll(changed)) {
            return null;
        }
        Set<String> dirty = dirty(changed);
        // temporary objects that read a keyed dataset, directly or through another one: restricted to the keys
        Set<String> restricted = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Step s : steps) {
                if (s.kind() == Kind.TEMP
                        && !restricted.contains(s.target())
                        && (s.datasets().stream().anyMatch(keyed::contains)
                                || s.reads().stream().anyMatch(restricted::contains))) {
                    restricted.add(s.target());
                    grew = true;
                }
            }
        }
        Set<String> delta = new LinkedHashSet<>();
        Set<String> whole = new HashSet<>();
        for (Step s : steps) {
            if (s.kind() == Kind.TABLE && dirty.contains(s.target())) {
                (s.key() != null && keys.contains(s.key()) ? delta : whole).add(s.target());
            }
        }
        delta.removeAll(whole);
        // views (kept from the copy) over those tables and reads only: a keyed table may read them
        Set<String> over = new HashSet<>(delta);
        over.addAll(restricted);
        grew = true;
        while (grew) {
            grew = false;
            for (Step s : steps) {
                if (s.kind() == Kind.DEFINITION
                        && dirty.contains(s.target())
                        && !over.contains(s.target())
                        && s.reads().stream().allMatch(r -> !dirty.contains(r) || over.contains(r))) {
                    over.add(s.target());
                    grew = true;
                }
            }
        }
        for (Step s : steps) {
            boolean runs = s.kind() == Kind.TABLE && dirty.contains(s.target())
                    || s.kind() == Kind.TEMP && restricted.contains(s.target());
            if (!runs) {
                continue;
            }
            boolean readsKeyed = s.datasets().stream().anyMatch(keyed::contains)
                    || s.reads().stream().anyMatch(restricted::contains);
            if (s.kind() == Kind.TABLE && readsKeyed && !delta.contains(s.target())) {
                return null;
            }
            if (delta.contains(s.target()) || s.kind() == Kind.TEMP) {
                if (s.volatileDay()) {
                    return null;
                }
                for (String r : s.reads()) {
                    if (dirty.contains(r) && !over.contains(r)) {
                        return null;
                    }
                }
            }
        }
        return delta;
    }
}
