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
            h.raw("<section class=\"country\" data-unit=\"").text(country.getKey()).raw("\">\n<h2>")
                    .link(links.unit(country.getKey(), year), country.getValue()).raw("</h2>\n");
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
        h.raw("</nav>\n<p class=\"unit\">").text(self.code()).raw(" · level ").text(self.level())
                .text(self.levelName() == null ? "" : ", " + self.levelName()).raw("</p>\n");
        h.raw(sections.periodSelector(years, links.unit(unit, null), year));
        sections.tiles(h, visible(scope), scope, unit, year);
        h.raw(extras.section(scope, unit, year));
        sections.rankings(h, visible(scope), scope, unit, year, "Units below " + self.name());
        panelList(h, scope, unit, year);
        return h.page(self.name() + periodTitle(year), nav(scope), links);
    }

    private static String period(List<String> years, String period) {
        return period != null && !period.isBlank() ? period : years.isEmpty() ? null : years.get(0);
    }

    /** A panel's page: its chart, its table (the first {@value #PAGE_ROWS} rows) and a link to its CSV. */
    public String panel(Scope scope, String id, String unit, String period) {
        Panel p = panel(id);
        String u = unit == null && !scope.isNational() ? scope.region() : unit;
        Result r = data.rows(p, scope, u, period, PAGE_ROWS + 1);
        boolean more = r.rows().size() > PAGE_ROWS;
        Result shown = more ? new Result(r.columns(), r.rows().subList(0, PAGE_ROWS)) : r;
        Html h = new Html();
        h.raw("<p class=\"description\">").text(p.description()).raw("</p>\n");
        h.raw("<p class=\"filter\">").text(p.source()).raw(u != null ? " · unit " : "").text(u == null ? "" : u)
                .raw(" · ").text(period == null || period.isBlank() ? "all periods" : "period " + period).raw("</p>\n");
        if (links.live()) {
            h.raw(periodSelectorFor(p, links.panel(id, u, null), period, u));
        }
        List<String> labels = p.chart().y().stream().map(p::label).toList();
        h.chart(Charts.option(p.chart().type(), p.chart().x(), p.chart().y(), labels, shown));
        h.raw("<p>").link(links.csv(id, u, period), "Download CSV").raw(more ? " (the table shows the first " + PAGE_ROWS + " rows; the CSV has them all)" : "")
                .raw("</p>\n");
        table(h, p, shown, period);
        meanings(h, p);
        return h.page(p.title() + (u != null ? " — " + u : "") + periodTitle(period), nav(scope), links);
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
        return panels.stream().filter(p -> scope.isNational() || (p.scoped() && data.disclosable(p, scope))).toList();
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
            h.raw("<li>").link(links.panel(p.id(), p.scoped() ? unit : null, period), p.title()).raw(" — ").text(p.description()).raw("</li>\n");
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
                h.raw("<details class=\"dictionary\"><summary>Columns of ").text(v.name()).raw(" — ").text(v.title()).raw("</summary><dl>\n");
                for (String f : p.fields()) {
                    h.raw("<dt>").text(f).raw("</dt><dd>").text(v.columns().getOrDefault(f, "")).raw("</dd>\n");
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
        for (Panel p : visible(scope)) {
            n.raw(" · ").link(links.panel(p.id(), null, null), p.title());
        }
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
        return "<p class=\"release regional\">Figures of region " + Html.esc(scope.region()) + " as its extract publishes them. "
                + Html.esc(data.disclosed().explanation(scope)) + ".</p>";
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
