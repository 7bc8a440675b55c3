package org.mizan.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.mizan.warehouse.DataDictionary;
import org.mizan.warehouse.ReadOnlyQuery.Result;

/**
 * Renders the dashboard's pages (overview, unit, panel) as HTML for one viewer's scope; the live server and the
 * static folder use the same pages with their own {@link Links}.
 */
public final class Pages {

    /** Rows a panel page shows; its CSV download has them all. */
    public static final int PAGE_ROWS = 500;
    /** At most this many rows read for a unit's trend: its own come first (the panel orders by level), one per period. */
    static final int TREND_ROWS = 2000;

    private final PanelData data;
    private final List<Panel> panels;
    private final Links links;
    private final Figures figures;
    private final Sections sections;

    /** The page's queries on one connection (see {@link PanelData#page}). */
    public String render(PanelData.PageWork<String> work) {
        try {
            return data.page(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("dashboard page failed: " + e.getMessage(), e);
        }
    }

    /** A section another feature adds to the overview (per country) and to each unit's page, after its tiles (e.g. approval). */
    public interface Extras {
        Extras NONE = (scope, unit, period) -> "";

        String section(Scope scope, String unit, String period);
    }

    private Extras extras = Extras.NONE;

    /** Adds a section to the overview and the unit pages. */
    public Pages withExtras(Extras extras) {
        this.extras = extras;
        return this;
    }

    public Pages(PanelData data, List<Panel> panels, Links links) {
        this.data = data;
        this.panels = panels;
        this.links = links;
        this.figures = new Figures(data);
        this.sections = new Sections(figures, links);
    }

    /**
     * The national overview for a year (null: the latest year the panels hold): per country, a tile per panel with
     * its headline numbers and the regions ranked; a regional viewer's overview is its region's page.
     */
    public String overview(Scope scope, String period) {
        if (!scope.isNational()) {
            return unit(scope, scope.region(), period);
        }
        List<String> years = figures.years(panels);
        String year = period(years, period);
        Html h = new Html();
        h.raw(sections.periodSelector(years, links.overview(null), year));
        for (var country : figures.countries().entrySet()) {
            h.raw("<section class=\"country\" data-unit=\"")
                    .text(country.getKey())
                    .raw("\">\n<h2>")
                    .link(links.unit(country.getKey(), year), country.getValue())
                    .raw("</h2>\n");
            sections.tiles(h, visible(scope), scope, country.getKey(), year);
            h.raw(extras.section(scope, country.getKey(), year));
            sections.rankings(h, visible(scope), scope, country.getKey(), year, "Regions of " + country.getValue());
            h.raw("</section>\n");
        }
        panelList(h, scope, null, year);
        return h.page("National overview" + periodTitle(year), nav(scope), links);
    }

    /** The period a page without one shows: the latest year the panels with headline numbers hold (null: none). */
    public String defaultPeriod() {
        return period(figures.years(panels), null);
    }

    /** A unit's page for a year (null: the latest): breadcrumbs, its headline numbers, the units below it ranked, its panels. */
    public String unit(Scope scope, String unit, String period) {
        if (!data.allows(scope, unit)) {
            throw new Scope.Forbidden("unit " + unit + " is outside region " + scope.region());
        }
        List<PanelData.Crumb> crumbs = data.breadcrumbs(unit);
        if (crumbs.isEmpty()) {
            throw new NotFound("no unit " + unit + " in the gazetteer");
        }
        List<String> years = figures.years(panels);
        String year = period(years, period);
        PanelData.Crumb self = crumbs.get(crumbs.size() - 1);
        Html h = new Html();
        h.raw("<nav class=\"crumbs\">");
        if (scope.isNational()) {
            h.link(links.overview(year), "National").raw(" › ");
        }
        for (PanelData.Crumb c : crumbs) {
            boolean visible = data.allows(scope, c.code());
            if (c == self) {
                h.raw("<span class=\"here\">").text(c.name()).raw("</span>");
            } else if (visible) {
                h.link(links.unit(c.code(), year), c.name()).raw(" › ");
            } else {
                h.raw("<span>").text(c.name()).raw("</span> › ");
            }
        }
        h.raw("</nav>\n<p class=\"unit\">")
                .text(self.code())
                .raw(" · level ")
                .text(self.level())
                .text(self.levelName() == null ? "" : ", " + self.levelName())
                .raw("</p>\n");
        h.raw(sections.periodSelector(years, links.unit(unit, null), year));
        sections.tiles(h, visible(scope), scope, unit, year);
        trend(h, scope, unit);
        h.raw(extras.section(scope, unit, year));
        sections.rankings(h, visible(scope), scope, unit, year, "Units below " + self.name());
        panelList(h, scope, unit, year);
        return h.page(self.name() + periodTitle(year), nav(scope), links);
    }

    /**
     * The unit's own trend: the value the overview ranks units by (the inflows' {@code rank}), per period, over every
     * period it has, as a line and as figures (rows of the unit itself, not of the units below it).
     */
    private void trend(Html h, Scope scope, String unit) {
        Panel p = visible(scope).stream()
                .filter(x -> x.scoped() && x.period() != null && x.rank() != null)
                .findFirst()
                .orElse(null);
        if (p == null) {
            return;
        }
        String y = p.rank();
        Result r = data.rows(p, scope, unit, null, TREND_ROWS);
        int ui = r.columns().indexOf(p.unit());
        int pi = r.columns().indexOf(p.period());
        int yi = r.columns().indexOf(y);
        if (ui < 0 || pi < 0 || yi < 0) {
            return;
        }
        List<List<Object>> own = r.rows().stream()
                .filter(row -> unit.equals(String.valueOf(row.get(ui))))
                .sorted(java.util.Comparator.comparing(row -> String.valueOf(row.get(pi))))
                .map(row -> java.util.Arrays.asList(row.get(pi), row.get(yi)))
                .toList();
        if (own.isEmpty()) {
            return;
        }
        h.raw("<section class=\"trend\"><h2>").text(p.label(y)).raw(" over time</h2>\n");
        h.chart(Charts.option(
                "line", p.period(), List.of(y), List.of(p.label(y)), new Result(List.of(p.period(), y), own)));
        h.raw("<table class=\"trend\"><thead><tr><th>")
                .text(p.label(p.period()))
                .raw("</th><th>")
                .text(p.label(y))
                .raw("</th></tr></thead><tbody>\n");
        for (List<Object> row : own) {
            h.raw("<tr data-period=\"")
                    .text(row.get(0))
                    .raw("\"><td>")
                    .text(row.get(0))
                    .raw("</td><td>")
                    .number(y, row.get(1))
                    .raw("</td></tr>\n");
        }
        h.raw("</tbody></table></section>\n");
    }

    private static String period(List<String> years, String period) {
        return period != null && !period.isBlank() ? period : years.isEmpty() ? null : years.get(0);
    }

    /** A panel's page: its chart, its table (the first {@value #PAGE_ROWS} rows) and a link to its CSV. */
    public String panel(Scope scope, String id, String unit, String period) {
        return panel(scope, id, unit, period, null);
    }

    /**
     * A panel's page for the units of one level of the gazetteer (null: every level; its chart then draws the top
     * level its rows have, one level at a time).
     */
    public String panel(Scope scope, String id, String unit, String period, Integer level) {
        Panel p = panel(id);
        String u = unit == null && !scope.isNational() ? scope.region() : unit;
        Result r = data.rows(p, scope, u, period, level, PAGE_ROWS + 1);
        boolean more = r.rows().size() > PAGE_ROWS;
        Result shown = more ? new Result(r.columns(), r.rows().subList(0, PAGE_ROWS)) : r;
        Html h = new Html();
        h.raw("<p class=\"description\">").text(p.description()).raw("</p>\n");
        h.raw("<p class=\"filter\">")
                .text(p.source())
                .raw(u != null ? " · unit " : "")
                .text(u == null ? "" : u)
                .raw(" · ")
                .text(period == null || period.isBlank() ? "all periods" : "period " + period)
                .raw("</p>\n");
        if (links.live()) {
            h.raw(periodSelectorFor(p, links.panel(id, u, null), period, u));
            if (p.scoped()) {
                h.raw(levelSelector(links.panel(id, u, null), u, period, level));
            }
        }
        List<String> labels = p.chart().y().stream().map(p::label).toList();
        // a series over periods is a line, whatever the panel's default chart
        String type = "bar".equals(p.chart().type())
                        && p.chart().x() != null
                        && p.chart().x().equals(p.period())
                ? "line"
                : p.chart().type();
        h.chart(Charts.option(
                type,
                p.chart().x(),
                p.chart().y(),
                labels,
                oneLevel(shown, p.chart().x(), level)));
        h.raw("<p>")
                .link(links.csv(id, u, period), "Download CSV")
                .raw(more ? " (the table shows the first " + PAGE_ROWS + " rows; the CSV has them all)" : "")
                .raw("</p>\n");
        table(h, p, shown, period);
        meanings(h, p);
        return h.page(p.title() + (u != null ? " — " + u : "") + periodTitle(period), nav(scope), links);
    }

    /**
     * The level selector of a panel page: the levels the gazetteer has (admin_units, as deep as the country goes), and
     * every level. A plain form with a button: no script.
     */
    private String levelSelector(String action, String unit, String period, Integer level) {
        StringBuilder f = Sections.form("level", action);
        if (unit != null) {
            Sections.hidden(f, "unit", unit);
        }
        if (period != null && !period.isBlank()) {
            Sections.hidden(f, "period", period);
        }
        f.append("<label>Level <select name=\"level\" id=\"level\"><option value=\"\">every level</option>");
        for (List<Object> l : data.levels()) {
            String n = String.valueOf(l.get(0));
            f.append("<option value=\"")
                    .append(Html.esc(n))
                    .append('"')
                    .append(n.equals(String.valueOf(level)) ? " selected" : "")
                    .append(">level ")
                    .append(Html.esc(n))
                    .append(" (")
                    .append(Html.esc(l.get(1)))
                    .append(" units)</option>");
        }
        return f.append("</select></label> <button>Show</button></form>\n").toString();
    }

    /**
     * The rows of one level for the chart: the chosen one; or, when every level is shown and the rows say their level,
     * the top level with more than one category on the chart's axis (a unit's page charts the units below it, not a
     * single bar of its own), else the top level.
     */
    private static Result oneLevel(Result r, String x, Integer level) {
        int li = r.columns().indexOf("level");
        int xi = x == null ? -1 : r.columns().indexOf(x);
        if (level != null || li < 0 || r.rows().isEmpty()) {
            return r;
        }
        java.util.TreeMap<Integer, java.util.Set<String>> categories = new java.util.TreeMap<>();
        for (List<Object> row : r.rows()) {
            if (row.get(li) instanceof Number n) {
                categories
                        .computeIfAbsent(n.intValue(), k -> new java.util.HashSet<>())
                        .add(xi < 0 ? "" : String.valueOf(row.get(xi)));
            }
        }
        if (categories.isEmpty()) {
            return r;
        }
        int chosen = categories.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(java.util.Map.Entry::getKey)
                .findFirst()
                .orElse(categories.firstKey());
        return new Result(
                r.columns(),
                r.rows().stream()
                        .filter(row -> row.get(li) instanceof Number n && n.intValue() == chosen)
                        .toList());
    }

    /** A panel's rows for the unit and period, every one, as CSV. */
    public String csv(Scope scope, String id, String unit, String period) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            csvQuery(scope, id, unit, period).stream(Csv.writer(w));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }

    /** The checked query of a panel's CSV (refused here when outside the scope), to stream. */
    public PanelData.Prepared csvQuery(Scope scope, String id, String unit, String period) {
        Panel p = panel(id);
        String u = unit == null && !scope.isNational() ? scope.region() : unit;
        return data.prepare(p, scope, u, period, -1);
    }

    /** The panels the scope may open (a regional viewer: those divided by unit). */
    public List<Panel> visible(Scope scope) {
        return panels.stream()
                .filter(p -> scope.isNational() || (p.scoped() && data.disclosable(p, scope)))
                .toList();
    }

    private Panel panel(String id) {
        Panel p = Panels.byId(panels, id);
        if (p == null) {
            throw new NotFound("no panel '" + id + "' (dashboards/*.yml)");
        }
        return p;
    }

    private void panelList(Html h, Scope scope, String unit, String period) {
        h.raw("<section class=\"panels\"><h2>Views</h2><ul>\n");
        for (Panel p : visible(scope)) {
            h.raw("<li>")
                    .link(links.panel(p.id(), p.scoped() ? unit : null, period), p.title())
                    .raw(" — ")
                    .text(p.description())
                    .raw("</li>\n");
        }
        h.raw("</ul></section>\n");
    }

    private void table(Html h, Panel p, Result r, String period) {
        h.raw("<table class=\"rows\" data-panel=\"").text(p.id()).raw("\"><thead><tr>");
        for (String c : r.columns()) {
            h.raw("<th>").text(p.label(c)).raw("</th>");
        }
        h.raw("</tr></thead><tbody>\n");
        for (List<Object> row : r.rows()) {
            h.raw("<tr>");
            for (int i = 0; i < row.size(); i++) {
                sections.cell(h, p, r.columns(), row, i, period);
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody></table>\n");
        if (r.rows().isEmpty()) {
            h.raw("<p class=\"empty\">No rows.</p>\n");
        }
    }

    /** The column meanings from the data dictionary, for a panel over a documented view. */
    private static void meanings(Html h, Panel p) {
        if (p.view() == null) {
            return;
        }
        for (DataDictionary.View v : DataDictionary.views()) {
            if (v.name().equals(p.view())) {
                h.raw("<details class=\"dictionary\"><summary>Columns of ")
                        .text(v.name())
                        .raw(" — ")
                        .text(v.title())
                        .raw("</summary><dl>\n");
                for (String f : p.fields()) {
                    h.raw("<dt>")
                            .text(f)
                            .raw("</dt><dd>")
                            .text(v.columns().getOrDefault(f, ""))
                            .raw("</dd>\n");
                }
                h.raw("</dl></details>\n");
            }
        }
    }

    private String periodSelectorFor(Panel p, String action, String period, String unit) {
        if (p.period() == null) {
            return "";
        }
        List<String> options = new ArrayList<>();
        for (String s : data.periods(p)) {
            String year = s.length() >= 4 ? s.substring(0, 4) : s;
            if (!options.contains(year)) {
                options.add(year);
            }
            options.add(s);
        }
        return Sections.selector(action, unit, "Period", "all periods", options, period);
    }

    private String nav(Scope scope) {
        Html n = new Html();
        n.raw("<strong>Mizan</strong> ");
        n.link(links.overview(null), scope.isNational() ? "Overview" : "Region " + scope.region());
        // grouped: the coherence views planners come for, then the sources behind them, then reference data
        n.raw("<nav class=\"groups\">");
        for (String group : Panel.GROUP_ORDER) {
            List<Panel> in =
                    visible(scope).stream().filter(p -> group.equals(p.group())).toList();
            if (in.isEmpty()) {
                continue;
            }
            n.raw("<span class=\"group\" data-group=\"")
                    .text(group)
                    .raw("\"><strong>")
                    .text(Panel.GROUPS.get(group))
                    .raw("</strong> ");
            for (int i = 0; i < in.size(); i++) {
                n.raw(i == 0 ? "" : " · ")
                        .link(links.panel(in.get(i).id(), null, null), in.get(i).title());
            }
            n.raw("</span>");
        }
        n.raw("</nav>");
        if (links.live()) {
            n.raw("<span class=\"user\">signed in as ").text(scope.user()).raw("</span>");
        }
        n.raw(release(scope));
        return n.bodyText();
    }

    /**
     * Who may receive what the page shows: national figures are unsuppressed (internal); a region's are its extract's,
     * withheld cells explained as in the extract.
     */
    private String release(Scope scope) {
        if (scope.isNational()) {
            return "<p class=\"release internal\">Internal, not for release: national figures, small counts not suppressed."
                    + " Regions receive their extract's figures.</p>";
        }
        return "<p class=\"release regional\">Figures of region " + Html.esc(scope.region())
                + " as its extract publishes them. " + Html.esc(data.disclosed().explanation(scope)) + ".</p>";
    }

    private static String periodTitle(String period) {
        return period == null || period.isBlank() ? "" : " — " + period;
    }

    /** No such unit or panel (HTTP 404). */
    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }
}
