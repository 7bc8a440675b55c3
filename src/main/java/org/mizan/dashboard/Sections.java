package org.mizan.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.mizan.warehouse.ReadOnlyQuery.Result;

/**
 * The parts of the overview and of a unit's page: the period selector (years), a tile per panel with its headline
 * numbers, and the units one level down ranked (by a rank column, or by a summed number), linked for drill-down.
 */
final class Sections {

    /** The data-quality panel (dashboards/data-quality.yml), which a tile's flag mark links to. */
    static final String QUALITY_PANEL = "data-quality";

    private final Figures figures;
    private final Links links;

    Sections(Figures figures, Links links) {
        this.figures = figures;
        this.links = links;
    }

    /** A form choosing the year ({@code action}: the page's own link); the page's period selected. */
    String periodSelector(List<String> years, String action, String period) {
        if (!links.live() || years.isEmpty()) {
            return "";
        }
        List<String> options = new ArrayList<>(years);
        if (period != null && !options.contains(period)) {
            options.add(0, period);
        }
        return selector(action, null, "Year", null, options, period);
    }

    /**
     * A form that reloads the page ({@code action}, its query dropped) for the chosen period; {@code unit} kept as a
     * hidden value, {@code all} (when given) the label of an option for no period.
     */
    static String selector(String action, String unit, String label, String all, List<String> options, String period) {
        StringBuilder f = form("period", action);
        if (unit != null) {
            hidden(f, "unit", unit);
        }
        f.append("<label>")
                .append(Html.esc(label))
                .append(" <select name=\"period\" id=\"period\" data-submit-on-change>");
        if (all != null) {
            f.append("<option value=\"\">").append(Html.esc(all)).append("</option>");
        }
        for (String o : options) {
            f.append("<option value=\"")
                    .append(Html.esc(o))
                    .append('"')
                    .append(o.equals(period) ? " selected" : "")
                    .append('>')
                    .append(Html.esc(o))
                    .append("</option>");
        }
        return f.append("</select></label> <noscript><button>Show</button></noscript></form>\n")
                .toString();
    }

    /** The opening of a form of that class that reloads the page ({@code action}, its query dropped) with GET. */
    static StringBuilder form(String cssClass, String action) {
        String path = action.contains("?") ? action.substring(0, action.indexOf('?')) : action;
        return new StringBuilder("<form class=\"")
                .append(cssClass)
                .append("\" method=\"get\" action=\"")
                .append(Html.esc(path))
                .append("\">");
    }

    /** A value the form sends back as it is. */
    static void hidden(StringBuilder form, String name, String value) {
        form.append("<input type=\"hidden\" name=\"")
                .append(name)
                .append("\" value=\"")
                .append(Html.esc(value))
                .append("\">");
    }

    /** One tile per panel with headline numbers: each number, or why it is missing, and a link to the panel's rows. */
    void tiles(Html h, List<Panel> panels, Scope scope, String unit, String period) {
        h.raw("<section class=\"headlines\" data-unit=\"").text(unit).raw("\">\n");
        java.util.Map<String, Long> marks = figures.qualityMarks(unit, period);
        for (Panel p : panels) {
            if (p.headline().isEmpty()) {
                continue;
            }
            h.raw("<div class=\"tile\" data-panel=\"")
                    .text(p.id())
                    .raw("\"><h3>")
                    .link(links.panel(p.id(), unit, period), p.title())
                    .raw("</h3>\n");
            Long flagged = p.view() == null ? null : marks.get(p.view());
            if (flagged != null) {
                // the tile's numbers rest on values a data-quality check flagged: say so, linked to the flags
                h.raw("<p class=\"quality-mark\" data-flags=\"")
                        .text(String.valueOf(flagged))
                        .raw("\">⚑ ")
                        .link(
                                links.panel(QUALITY_PANEL, unit, period),
                                "includes " + flagged + " flagged value" + (flagged == 1 ? "" : "s"))
                        .raw("</p>\n");
            }
            long[] provisional = figures.provisional(p, scope, unit, period);
            if (provisional != null && provisional[0] > 0) {
                // the tile's numbers include figures not yet signed off: say so on the tile itself, never mixed
                // silently
                h.raw("<p class=\"approval-mark provisional\" data-provisional-rows=\"")
                        .text(String.valueOf(provisional[0]))
                        .raw("\">provisional: ")
                        .text(provisional[0] + " of the " + provisional[1] + " row" + (provisional[1] == 1 ? "" : "s")
                                + " behind these figures " + (provisional[0] == 1 ? "is" : "are") + " not approved")
                        .raw("</p>\n");
            }
            for (Figures.Figure f : figures.headline(p, scope, unit, period)) {
                h.raw("<div class=\"headline\" data-panel=\"")
                        .text(p.id())
                        .raw("\" data-field=\"")
                        .text(f.headline().name())
                        .raw("\" data-unit=\"")
                        .text(unit)
                        .raw("\">");
                if (f.value() != null) {
                    h.raw("<span class=\"value\">")
                            .number(
                                    f.headline().aggregate().equals("ratio")
                                            ? f.headline().name()
                                            : f.headline().column(),
                                    f.value());
                } else {
                    h.raw("<span class=\"value missing\">").text(f.missing());
                }
                h.raw("</span><span class=\"label\">")
                        .text(p.label(f.headline()))
                        .raw("</span></div>\n");
            }
            h.raw("</div>\n");
        }
        h.raw("</section>\n");
    }

    /** Each panel's ranking of the units one level below {@code unit}: by a rank column, or by a summed number. */
    void rankings(Html h, List<Panel> panels, Scope scope, String unit, String period, String heading) {
        for (Panel p : panels) {
            if (p.ranking() != null) {
                ranking(h, p, figures.ranking(p, scope, unit, period), period, heading);
            }
            if (p.rank() != null) {
                ranked(h, p, figures.ranked(p, scope, unit, period), period, heading);
            }
        }
    }

    private void ranking(Html h, Panel p, Result r, String period, String heading) {
        Ranking k = p.ranking();
        h.raw("<section class=\"ranking\" data-panel=\"")
                .text(p.id())
                .raw("\">\n<h2>")
                .text(heading)
                .raw(" ranked: ")
                .text(p.title())
                .raw("</h2>\n");
        if (r.rows().isEmpty()) {
            h.raw("<p>No units below this one.</p>\n</section>\n");
            return;
        }
        h.raw("<table class=\"ranking\"><thead><tr><th>").text(p.label(k.by())).raw("</th><th>unit</th><th>code</th>");
        k.columns().forEach(c -> h.raw("<th>").text(p.label(c)).raw("</th>"));
        h.raw("</tr></thead><tbody>\n");
        int rank = r.columns().indexOf(k.by());
        for (List<Object> row : r.rows()) {
            String code = String.valueOf(row.get(0));
            boolean ranked = row.get(rank) != null;
            h.raw("<tr data-unit=\"")
                    .text(code)
                    .raw(ranked ? "\">" : "\" class=\"unranked\">")
                    .raw("<td class=\"rank\">")
                    .text(ranked ? row.get(rank) : "—")
                    .raw("</td><td>")
                    .link(links.unit(code, period), row.get(1))
                    .raw("</td><td>")
                    .text(code)
                    .raw("</td>");
            if (ranked) {
                for (String c : k.columns()) {
                    cell(h, p, r.columns(), row, r.columns().indexOf(c), period);
                }
            } else {
                // missing is not zero: say why there is no rank
                String why = !Boolean.TRUE.equals(row.get(2))
                        ? "not reported"
                        : "not ranked"
                                + (k.why() == null
                                        ? ""
                                        : ": " + p.label(k.why()) + " "
                                                + Csv.text(row.get(r.columns().indexOf(k.why()))));
                h.raw("<td class=\"missing\" colspan=\"")
                        .text(Math.max(1, k.columns().size()))
                        .raw("\">")
                        .text(why)
                        .raw("</td>");
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody></table>\n</section>\n");
    }

    private void ranked(Html h, Panel p, Result r, String period, String heading) {
        h.raw("<section class=\"ranked\" data-panel=\"")
                .text(p.id())
                .raw("\">\n<h2>")
                .text(heading)
                .raw(" by ")
                .text(p.label(p.rank()))
                .raw("</h2>\n");
        if (r.rows().isEmpty()) {
            h.raw("<p>No units below this one.</p>\n</section>\n");
            return;
        }
        h.chart(Charts.option("bar", "name", List.of(p.rank()), List.of(p.label(p.rank())), r));
        h.raw("<table class=\"ranked\"><thead><tr><th>#</th><th>unit</th><th>code</th>");
        List<Headline> sums =
                p.headline().stream().filter(x -> x.aggregate().equals("sum")).toList();
        sums.forEach(x -> h.raw("<th>").text(p.label(x)).raw("</th>"));
        h.raw("</tr></thead><tbody>\n");
        int rank = 0;
        for (List<Object> row : r.rows()) {
            String code = String.valueOf(row.get(0));
            h.raw("<tr data-unit=\"")
                    .text(code)
                    .raw("\"><td>")
                    .text(++rank)
                    .raw("</td><td>")
                    .link(links.unit(code, period), row.get(1))
                    .raw("</td><td>")
                    .text(code)
                    .raw("</td>");
            for (int i = 3; i < row.size(); i++) {
                h.raw("<td class=\"num\">")
                        .number(sums.get(i - 3).column(), row.get(i))
                        .raw("</td>");
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody></table>\n</section>\n");
    }

    /** One table cell: a drill link, a raised flag with its reason beside it, or the value. */
    void cell(Html h, Panel p, List<String> columns, List<Object> row, int i, String period) {
        Object v = row.get(i);
        h.raw(v instanceof Number ? "<td class=\"num\">" : "<td>");
        String flag = p.flags().get(columns.get(i));
        if (columns.get(i).equals(p.drill()) && v != null) {
            h.link(links.unit(String.valueOf(v), period), v);
        } else if (flag != null && Boolean.TRUE.equals(v)) {
            // a raised flag with its reason beside it: a fixed text, or another column's value (=column)
            Object reason = flag.startsWith("=") ? row.get(columns.indexOf(flag.substring(1))) : flag;
            h.raw("<span class=\"flag\">yes</span> <span class=\"reason\">")
                    .text(reason)
                    .raw("</span>");
        } else {
            h.number(columns.get(i), v);
        }
        h.raw("</td>");
    }
}
