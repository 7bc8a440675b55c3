package org.mizan.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mizan.warehouse.ReadOnlyQuery.Result;

/**
 * The overview's and unit pages' figures: each panel's headline numbers for a unit and period, the units one level
 * down ranked, and the years the selector offers. SQL from {@code warehouse/queries/dashboard/}, names only from the
 * panels' YAML (checked against the catalogue), every value bound.
 */
public final class Figures {

    /** A headline number: its value, or (value null) the words saying why, never a 0 for a missing figure. */
    public record Figure(Headline headline, Object value, String missing) {}

    private final PanelData data;

    public Figures(PanelData data) {
        this.data = data;
    }

    /** The panel's headline numbers for the unit in the period (a year, month or quarter: a prefix of the rows' period). */
    public List<Figure> headline(Panel panel, Scope scope, String unit, String period) {
        data.requireAllowed(panel, scope, unit);
        data.checked(panel);
        List<Figure> out = new ArrayList<>();
        for (String rows : List.of("unit", "below")) {
            List<Headline> items =
                    panel.headline().stream().filter(h -> h.rows().equals(rows)).toList();
            if (items.isEmpty()) {
                continue;
            }
            List<String> values = new ArrayList<>();
            List<String> select = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                select.addAll(aggregates(items.get(i), i, values));
            }
            PanelData.Source s = data.source(panel, unit, period);
            values.addAll(s.values());
            values.addAll(Arrays.asList(rows, unit, rows, unit, PanelData.nz(period), PanelData.nz(period)));
            Result r = data.run(
                    PanelData.template("headline.sql", panel, s)
                            .replace("{{figures}}", String.join(",\n       ", select)),
                    values);
            List<Object> row = r.rows().get(0);
            for (int i = 0; i < items.size(); i++) {
                out.add(figure(
                        panel,
                        items.get(i),
                        unit,
                        ((Number) row.get(3 * i)).longValue(),
                        row.get(3 * i + 1),
                        row.get(3 * i + 2)));
            }
        }
        // in the order the YAML lists them
        out.sort(java.util.Comparator.comparingInt(f -> panel.headline().indexOf(f.headline())));
        return withheld(panel, scope, unit, period, out);
    }

    /**
     * A regional viewer's figures as the extract publishes them: a figure that reads a column the extract may withhold
     * shows {@value org.mizan.extract.PublishedCells#WITHHELD} when any row it rests on has that cell withheld.
     */
    private List<Figure> withheld(Panel panel, Scope scope, String unit, String period, List<Figure> figures) {
        if (figures.stream()
                .noneMatch(f -> f.headline().columns().stream()
                        .anyMatch(c -> data.disclosed().withheld(panel, scope, c)))) {
            return figures;
        }
        Result rows = data.rows(panel, scope, unit, period, -1);
        int u = rows.columns().indexOf(panel.unit());
        List<Figure> out = new ArrayList<>();
        for (Figure f : figures) {
            Headline h = f.headline();
            boolean hidden = false;
            for (List<Object> row : rows.rows()) {
                if (h.rows().equals("unit") && !unit.equals(Csv.text(row.get(u)))) {
                    continue;
                }
                boolean matches = h.where().entrySet().stream()
                        .allMatch(w -> rows.columns().contains(w.getKey())
                                && w.getValue()
                                        .equals(Csv.text(row.get(rows.columns().indexOf(w.getKey())))));
                if (!matches) {
                    continue;
                }
                for (String c : h.columns()) {
                    int i = rows.columns().indexOf(c);
                    // a column the panel's rows do not carry cannot be checked: withheld
                    hidden |= data.disclosed().withheld(panel, scope, c)
                            && (i < 0 || org.mizan.extract.PublishedCells.WITHHELD.equals(row.get(i)));
                }
            }
            out.add(hidden ? new Figure(h, org.mizan.extract.PublishedCells.WITHHELD, null) : f);
        }
        return out;
    }

    /**
     * How many of the rows a panel's headline numbers rest on for the unit and period are provisional (not
     * approved), and of how many ({@code warehouse/queries/dashboard/provisional.sql}); null when the panel's source
     * carries no approval_status or is not divided by unit.
     */
    public long[] provisional(Panel panel, Scope scope, String unit, String period) {
        if (panel.unit() == null
                || panel.headline().isEmpty()
                || !data.columns(panel).contains("approval_status")) {
            return null;
        }
        data.requireAllowed(panel, scope, unit);
        String rows = panel.headline().stream().anyMatch(h -> h.rows().equals("below")) ? "below" : "unit";
        PanelData.Source s = data.source(panel, unit, period);
        List<String> values = new ArrayList<>(s.values());
        values.addAll(Arrays.asList(rows, unit, rows, unit, PanelData.nz(period), PanelData.nz(period)));
        List<Object> row = data.run(PanelData.template("provisional.sql", panel, s), values)
                .rows()
                .get(0);
        return new long[] {((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue()};
    }

    /**
     * Per view, the flagged values (open, or rejected and still counted) its figures for the unit and period rest on
     * ({@code warehouse/queries/dashboard/quality_marks.sql}); empty when the warehouse has no flags view yet.
     */
    public Map<String, Long> qualityMarks(String unit, String period) {
        Map<String, Long> out = new LinkedHashMap<>();
        try {
            String p = PanelData.nz(period);
            for (List<Object> r : data.run(
                            org.mizan.duckdb.SqlFiles.text("queries/dashboard/quality_marks.sql"),
                            Arrays.asList(unit, p, p))
                    .rows()) {
                out.put(String.valueOf(r.get(0)), ((Number) r.get(1)).longValue());
            }
        } catch (IllegalStateException e) {
            // a warehouse built before the data-quality checks: no marks
        }
        return out;
    }

    /**
     * The units one level below {@code unit} with the columns of the panel's {@code ranking} from their own row, in
     * rank order; columns: unit_code, name, has_row, then the rank and the ranking's columns and its why column.
     */
    public Result ranking(Panel panel, Scope scope, String unit, String period) {
        data.requireAllowed(panel, scope, unit);
        data.checked(panel);
        List<String> cols = panel.ranking().columnsUsed().stream().distinct().toList();
        PanelData.Source s = data.source(panel, unit, period);
        String sql = PanelData.template("ranked_rows.sql", panel, s)
                .replace("{{columns}}", cols.stream().map(PanelData::column).collect(Collectors.joining(", ")))
                .replace(
                        "{{figures}}",
                        cols.stream().map(c -> "f." + PanelData.quote(c)).collect(Collectors.joining(", ")))
                .replace("{{by}}", PanelData.quote(panel.ranking().by()));
        List<String> values = new ArrayList<>();
        values.add(unit);
        values.addAll(s.values());
        values.addAll(Arrays.asList(PanelData.nz(period), PanelData.nz(period)));
        Result r = data.run(sql, values);
        if (scope.isNational() || !data.disclosed().guarded(panel)) {
            return r;
        }
        // each unit's own row, as the region's extract publishes it (the page's period is the row's)
        Map<String, Object> given = new java.util.HashMap<>();
        if (panel.period() != null && period != null) {
            given.put(panel.period(), period);
        }
        List<String> cols2 = new ArrayList<>(r.columns());
        int code = 0;
        if (panel.unit() != null && !cols2.contains(panel.unit())) {
            cols2.set(code, panel.unit());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : r.rows()) {
            List<Object> shown = new ArrayList<>(data.disclosed().row(panel, scope, cols2, row, given));
            // the unit's name and whether it has a row are the gazetteer's, not the view's
            shown.set(1, row.get(1));
            shown.set(2, row.get(2));
            rows.add(shown);
        }
        return new Result(r.columns(), rows);
    }

    /**
     * The units one level below {@code unit} (null: the regions) with the panel's summed headline numbers in the
     * period, ranked by the panel's {@code rank}; columns: unit_code, name, level, then the sums.
     */
    public Result ranked(Panel panel, Scope scope, String unit, String period) {
        data.requireAllowed(panel, scope, unit);
        if (unit == null && !scope.isNational()) {
            throw new Scope.Forbidden("a regional viewer's ranking starts at its region");
        }
        data.checked(panel);
        List<Headline> sums = panel.headline().stream()
                .filter(h -> h.aggregate().equals("sum"))
                .toList();
        PanelData.Source s = data.source(panel, unit, period);
        String sql = PanelData.template("ranked_units.sql", panel, s)
                .replace(
                        "{{sums}}",
                        sums.stream()
                                .map(h -> "sum(" + PanelData.column(h.column()) + ") as " + PanelData.quote(h.name()))
                                .collect(Collectors.joining(", ")))
                .replace(
                        "{{figures}}",
                        sums.stream().map(h -> "f." + PanelData.quote(h.name())).collect(Collectors.joining(", ")))
                .replace("{{rank}}", PanelData.quote(panel.rank()));
        List<String> values = new ArrayList<>(Arrays.asList(PanelData.nz(unit), PanelData.nz(unit)));
        values.addAll(s.values());
        values.addAll(Arrays.asList(PanelData.nz(period), PanelData.nz(period)));
        Result r = data.run(sql, values);
        if (sums.stream().noneMatch(h -> data.disclosed().withheld(panel, scope, h.column()))) {
            return r;
        }
        // sums of counts the extract guards are not published to regions by unit: withheld
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : r.rows()) {
            List<Object> out = new ArrayList<>(row);
            for (int i = 0; i < sums.size(); i++) {
                if (data.disclosed().withheld(panel, scope, sums.get(i).column())) {
                    out.set(3 + i, org.mizan.extract.PublishedCells.WITHHELD);
                }
            }
            rows.add(out);
        }
        return new Result(r.columns(), rows);
    }

    /** The years the panels with headline numbers or a ranking hold, newest first (the selector's; the first is the default). */
    public List<String> years(List<Panel> panels) {
        List<String> parts = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Panel p : panels) {
            if (p.period() == null || (p.headline().isEmpty() && p.ranking() == null)) {
                continue;
            }
            data.checked(p);
            PanelData.Source s = data.source(p, null, null);
            parts.add(PanelData.template("panel_years.sql", p, s).replaceAll("(?m)^--.*\\n", ""));
            values.addAll(s.values());
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        String sql = org.mizan.duckdb.SqlFiles.text("queries/dashboard/years.sql")
                .replace("{{panels}}", String.join("\nunion\n", parts));
        return data.run(sql, values).rows().stream()
                .map(r -> String.valueOf(r.get(0)))
                .toList();
    }

    /** The countries (level 0): code → name. */
    public Map<String, String> countries() {
        Map<String, String> out = new LinkedHashMap<>();
        data.run(org.mizan.duckdb.SqlFiles.text("queries/dashboard/countries.sql"), List.of())
                .rows()
                .forEach(r -> out.put(String.valueOf(r.get(0)), String.valueOf(r.get(1))));
        return out;
    }

    /** The select-list entries of one number: rows matched, value, status; its bound values appended in order. */
    private static List<String> aggregates(Headline h, int i, List<String> values) {
        StringBuilder where = new StringBuilder("true");
        List<String> whereValues = new ArrayList<>();
        h.where().forEach((col, v) -> {
            where.append(" and cast(").append(PanelData.column(col)).append(" as varchar) = cast(? as varchar)");
            whereValues.add(v);
        });
        String c = PanelData.column(h.column());
        String filter = " filter (where " + where + ")";
        String value = switch (h.aggregate()) {
            case "value" -> "any_value(" + c + ")" + filter;
            case "sum", "min", "max", "avg" -> h.aggregate() + "(" + c + ")" + filter;
            case "max_abs" -> "max(abs(" + c + "))" + filter;
            case "all" -> "bool_and(" + c + ")" + filter;
            case "ratio" ->
                "round(sum(" + c + ")" + filter + " / nullif(sum(" + PanelData.column(h.over()) + ")" + filter
                        + ", 0), 4)";
            case "count_where" ->
                "count(*) filter (where " + where + " and cast(" + c + " as varchar) in ("
                        + h.values().stream().map(v -> "cast(? as varchar)").collect(Collectors.joining(", ")) + "))";
            default -> throw new IllegalStateException("aggregate " + h.aggregate());
        };
        String status = h.status() == null
                ? "cast(null as varchar)"
                : "any_value(cast(" + PanelData.column(h.status()) + " as varchar))" + filter;
        values.addAll(whereValues);
        values.addAll(whereValues);
        if (h.aggregate().equals("ratio")) {
            values.addAll(whereValues);
        }
        if (h.aggregate().equals("count_where")) {
            values.addAll(h.values());
        }
        if (h.status() != null) {
            values.addAll(whereValues);
        }
        return List.of("count(*)" + filter + " as n_" + i, value + " as v_" + i, status + " as s_" + i);
    }

    private static Figure figure(Panel panel, Headline h, String unit, long rows, Object value, Object status) {
        if (rows == 0) {
            return new Figure(h, null, "not reported");
        }
        if (h.aggregate().equals("value") && rows > 1) {
            throw new Panel.PanelException(
                    "dashboards/" + panel.id() + ".yml: headline " + h.name() + " (aggregate value) matches " + rows
                            + " rows of unit " + unit + ": narrow it with 'where', or choose another aggregate");
        }
        if (value != null) {
            return new Figure(h, value, null);
        }
        if (status != null) {
            return new Figure(h, null, status.toString().replace('_', ' '));
        }
        return new Figure(h, null, h.whenNull() != null ? h.whenNull() : "not applicable");
    }
}
