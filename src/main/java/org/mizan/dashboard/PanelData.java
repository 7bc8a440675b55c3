package org.mizan.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mizan.duckdb.SqlFiles;
import org.mizan.warehouse.NamedQuery;
import org.mizan.warehouse.ReadOnlyQuery;
import org.mizan.warehouse.ReadOnlyQuery.Result;

/**
 * Runs the dashboard's queries on the published warehouse: the SQL comes from {@code warehouse/queries/dashboard/},
 * the identifiers filled into it only from a panel's YAML (checked against the catalogue), and every value a page
 * gives (unit, period, the viewer's region) is bound, never written into the SQL. Each call opens the warehouse
 * afresh, so a page always shows the latest published state, whole.
 */
public final class PanelData {

    /** A unit on the way down from the top: code, name, level and the level's name in its country (admin_levels). */
    public record Crumb(String code, String name, int level, String levelName) {}

    record Source(String sql, List<String> values) {}

    private final Path warehouse;
    private final Map<String, NamedQuery> named = NamedQuery.all();
    private final Map<String, List<String>> columnCache = new HashMap<>();
    private Path cachedFor;
    private final Disclosed disclosed;

    /** @param warehouse the published warehouse (MIZAN_HOME/warehouse/mizan.duckdb) */
    public PanelData(Path warehouse) {
        this.warehouse = warehouse;
        this.disclosed = new Disclosed(warehouse);
    }

    /**
     * The panel's rows for a unit and the units below it (null: all) in a period (null: all), within the scope; for a
     * regional viewer, as the region's extract publishes them ({@link Disclosed}).
     */
    public Result rows(Panel panel, Scope scope, String unit, String period, int limit) {
        return rows(panel, scope, unit, period, null, limit);
    }

    /** As {@link #rows(Panel, Scope, String, String, int)}, of the units of one level of the gazetteer (null: every level). */
    public Result rows(Panel panel, Scope scope, String unit, String period, Integer level, int limit) {
        Prepared p = prepare(panel, scope, unit, period, level, limit);
        Result r = run(p.sql(), p.values());
        if (scope.isNational() || !disclosed.guarded(panel)) {
            return r;
        }
        List<List<Object>> rows = new ArrayList<>(r.rows().size());
        r.rows().forEach(row -> rows.add(disclosed.row(panel, scope, r.columns(), row, Map.of())));
        return new Result(r.columns(), rows);
    }

    /** The disclosure control of regional viewers' figures. */
    Disclosed disclosed() {
        return disclosed;
    }

    /**
     * The query of {@link #rows} with every check done (scope, catalogue), ready to stream: a refusal is thrown here,
     * before anything is written.
     */
    public Prepared prepare(Panel panel, Scope scope, String unit, String period, int limit) {
        return prepare(panel, scope, unit, period, null, limit);
    }

    /** The gazetteer's levels, top first, each with its number of units. */
    public List<List<Object>> levels() {
        return run(SqlFiles.text("queries/dashboard/levels.sql"), List.of()).rows();
    }

    public Prepared prepare(Panel panel, Scope scope, String unit, String period, Integer level, int limit) {
        requireAllowed(panel, scope, unit);
        checked(panel);
        Source s = source(panel, unit, period);
        String sql = template("panel_rows.sql", panel, s)
                .replace(
                        "{{columns}}",
                        panel.fields().stream().map(PanelData::column).collect(Collectors.joining(", ")))
                .replace(
                        "{{order}}",
                        panel.order().isEmpty()
                                ? "all"
                                : panel.order().stream().map(PanelData::column).collect(Collectors.joining(", ")))
                .replace("{{limit}}", limit < 0 ? "all" : Integer.toString(limit));
        List<String> values = new ArrayList<>(s.values());
        String u = panel.scoped() ? unit : null;
        values.addAll(
                java.util.Arrays.asList(nz(u), nz(u), nz(scope.region()), nz(scope.region()), nz(period), nz(period)));
        String l = level == null || !panel.scoped() ? null : level.toString();
        values.addAll(java.util.Arrays.asList(l, l));
        return new Prepared(this, sql, values, panel, scope);
    }

    /**
     * A checked query and its bound values; {@link #stream} hands its rows over one at a time, for a regional viewer as
     * the region's extract publishes them.
     */
    public record Prepared(PanelData data, String sql, List<String> values, Panel panel, Scope scope) {
        public void stream(ReadOnlyQuery.RowSink sink) throws java.io.IOException {
            try {
                ReadOnlyQuery.stream(data.currentWarehouse(), sql, values, data.disclosed.sink(panel, scope, sink));
            } catch (SQLException e) {
                throw new IllegalStateException("dashboard query failed: " + e.getMessage(), e);
            }
        }
    }

    /** The periods the panel has rows for, newest first (none when it has no period column). */
    public List<String> periods(Panel panel) {
        if (panel.period() == null) {
            return List.of();
        }
        checked(panel);
        Source s = source(panel, null, null);
        return run(template("periods.sql", panel, s), s.values()).rows().stream()
                .map(r -> String.valueOf(r.get(0)))
                .toList();
    }

    /** The unit and those above it, top down; empty when there is no such unit. */
    public List<Crumb> breadcrumbs(String unit) {
        return run(SqlFiles.text("queries/dashboard/breadcrumbs.sql"), List.of(unit)).rows().stream()
                .map(r -> new Crumb(
                        String.valueOf(r.get(0)),
                        String.valueOf(r.get(1)),
                        ((Number) r.get(2)).intValue(),
                        r.get(3) == null ? null : String.valueOf(r.get(3))))
                .toList();
    }

    /** Every unit code of the gazetteer, top level first. */
    public List<String> units() {
        return run(SqlFiles.text("queries/dashboard/units.sql"), List.of()).rows().stream()
                .map(r -> String.valueOf(r.get(0)))
                .toList();
    }

    /** True when the scope includes the unit (a national scope includes every unit). */
    public boolean allows(Scope scope, String unit) {
        if (scope.isNational() || unit == null) {
            return scope.isNational();
        }
        Object n = run(SqlFiles.text("queries/dashboard/in_scope.sql"), List.of(unit, scope.region()))
                .rows()
                .get(0)
                .get(0);
        return ((Number) n).longValue() > 0;
    }

    /** True when the scope may see the panel's source (a region: not a source of person counts outside its extract). */
    public boolean disclosable(Panel panel, Scope scope) {
        return scope.isNational() || disclosed.disclosable(panel, scope, columns(panel));
    }

    /** The columns the panel's source gives (a named query run with no parameter values). */
    public synchronized List<String> columns(Panel panel) {
        Path current = currentWarehouse();
        if (!current.equals(cachedFor)) {
            columnCache.clear();
            cachedFor = current;
        }
        String key = panel.view() != null ? "view:" + panel.view() : "query:" + panel.query();
        List<String> cols = columnCache.get(key);
        if (cols == null) {
            Source s = source(panel, null, null);
            cols = run(template("columns.sql", panel, s), s.values()).columns();
            columnCache.put(key, cols);
        }
        return cols;
    }

    /** The named queries the panels may read. */
    public Map<String, NamedQuery> namedQueries() {
        return named;
    }

    void requireAllowed(Panel panel, Scope scope, String unit) {
        if (scope.isNational()) {
            return;
        }
        if (!panel.scoped()) {
            throw new Scope.Forbidden("panel " + panel.id() + " is not divided by unit: national viewers only");
        }
        if (!disclosable(panel, scope)) {
            throw new Scope.Forbidden("panel " + panel.id()
                    + " carries person counts outside the regional extract: national viewers only");
        }
        if (unit != null && !allows(scope, unit)) {
            throw new Scope.Forbidden("unit " + unit + " is outside region " + scope.region());
        }
    }

    /** Refuses a panel whose source or columns are not in the catalogue (so no unknown name reaches SQL). */
    void checked(Panel panel) {
        List<String> problems = Catalogue.problems(panel, this);
        if (!problems.isEmpty()) {
            throw new Panel.PanelException(String.join("; ", problems));
        }
    }

    Source source(Panel panel, String unit, String period) {
        if (panel.view() != null) {
            return new Source(quote(panel.view()), List.of());
        }
        NamedQuery q = named.get(panel.query());
        if (q == null) {
            throw new Panel.PanelException("dashboards/" + panel.id() + ".yml: no named query '" + panel.query()
                    + "' (mizan query --list shows them)");
        }
        Map<String, String> given = new HashMap<>();
        panel.params().forEach((param, page) -> given.put(param, "unit".equals(page) ? unit : period));
        NamedQuery.Bound b = q.bind(given);
        return new Source("(" + b.sql() + ")", b.values());
    }

    static String template(String file, Panel panel, Source s) {
        return SqlFiles.text("queries/dashboard/" + file)
                .replace("{{source}}", s.sql())
                .replace("{{unit}}", panel.unit() == null ? "cast(null as varchar)" : column(panel.unit()))
                .replace("{{period}}", panel.period() == null ? "cast(null as varchar)" : column(panel.period()));
    }

    static String column(String name) {
        return "p." + quote(name);
    }

    /** Identifiers are checked against [a-z_][a-z0-9_]* when the panel is read; quoting keeps keywords working. */
    static String quote(String name) {
        return '"' + name + '"';
    }

    static String nz(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private Path currentWarehouse() {
        if (!Files.exists(warehouse)) {
            throw new IllegalStateException(
                    "no warehouse yet at " + warehouse + ": load data first (./mizan run …, or ./mizan demo)");
        }
        try {
            return warehouse.toRealPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The connection of the page being rendered on this thread, if any ({@link #page}). */
    private static final ThreadLocal<java.sql.Connection> PAGE = new ThreadLocal<>();

    /** A page's queries share one read-only connection (opening the file costs more than most of them). */
    public interface PageWork<T> {
        T render() throws Exception;
    }

    /**
     * Renders with one connection for all of the page's queries, opened on the warehouse published now and closed
     * at the end (a publish meanwhile is seen by the next page).
     */
    public <T> T page(PageWork<T> work) throws Exception {
        if (PAGE.get() != null) {
            return work.render();
        }
        try (java.sql.Connection c = ReadOnlyQuery.open(currentWarehouse())) {
            PAGE.set(c);
            return work.render();
        } finally {
            PAGE.remove();
        }
    }

    Result run(String sql, List<String> values) {
        try {
            java.sql.Connection c = PAGE.get();
            return c != null ? ReadOnlyQuery.run(c, sql, values) : ReadOnlyQuery.run(currentWarehouse(), sql, values);
        } catch (SQLException e) {
            throw new IllegalStateException("dashboard query failed: " + e.getMessage(), e);
        }
    }
}
