package org.mizan.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One headline number of a panel ({@code headline:} in {@code dashboards/ID.yml}): a column of the panel's rows
 * for the page's unit and period, reduced by an aggregate. A bare column name is the sum of it (as before); a
 * mapping says how (see {@code dashboards/README.md}).
 *
 * @param name      the number's id on the page (default: the column)
 * @param column    the column it reads
 * @param aggregate value, sum, count_where, min, max, max_abs, avg, ratio or all
 * @param where     equality filters on the panel's rows (column → value, bound as parameters)
 * @param values    count_where: the column values counted (bound as parameters)
 * @param over      ratio: the denominator column (the number is sum(column) / sum(over))
 * @param rows      {@code unit}: the rows of the page's unit exactly; {@code below}: of it and every unit below it
 * @param status    a column whose value says why the number is null (the view's {@code status})
 * @param whenNull  the text shown for a null number when there is no status column (default: not applicable)
 */
public record Headline(
        String name,
        String column,
        String aggregate,
        String label,
        Map<String, String> where,
        List<String> values,
        String over,
        String rows,
        String status,
        String whenNull) {

    static final Set<String> AGGREGATES =
            Set.of("value", "sum", "count_where", "min", "max", "max_abs", "avg", "ratio", "all");
    private static final Set<String> KEYS =
            Set.of("name", "column", "aggregate", "label", "where", "values", "over", "rows", "status", "when_null");

    /** Reads one entry of {@code headline:}; {@code file} names the panel's file in messages. */
    @SuppressWarnings("unchecked")
    static Headline fromYaml(Object entry, String file, Identifiers ids) {
        if (!(entry instanceof Map<?, ?> raw)) {
            String column = ids.name(entry, "headline");
            return new Headline(column, column, "sum", null, Map.of(), List.of(), null, "unit", null, null);
        }
        Map<String, Object> y = (Map<String, Object>) raw;
        Panel.requireKnownKeys(y, KEYS, file + ": headline");
        String column = ids.name(y.get("column"), "headline.column");
        if (column == null) {
            throw new Panel.PanelException(file + ": a headline entry needs 'column' (the column it reads)");
        }
        String what = file + ": headline " + column;
        String aggregate = String.valueOf(y.getOrDefault("aggregate", "value"));
        if (!AGGREGATES.contains(aggregate)) {
            throw new Panel.PanelException(
                    what + ": aggregate '" + aggregate + "' is not one of " + new java.util.TreeSet<>(AGGREGATES));
        }
        String rows = String.valueOf(y.getOrDefault("rows", "unit"));
        if (!rows.equals("unit") && !rows.equals("below")) {
            throw new Panel.PanelException(what + ": rows is '" + rows
                    + "': unit (the page's unit's rows) or below (it and the units below it)");
        }
        Map<String, String> where = new LinkedHashMap<>();
        if (y.get("where") instanceof Map<?, ?> w) {
            w.forEach((k, v) -> where.put(ids.name(k, "headline.where"), String.valueOf(v)));
        }
        List<String> values = new ArrayList<>();
        if (y.get("values") instanceof List<?> l) {
            l.forEach(v -> values.add(String.valueOf(v)));
        }
        String over = ids.name(y.get("over"), "headline.over");
        if ("count_where".equals(aggregate) == values.isEmpty()) {
            throw new Panel.PanelException(
                    what + ": 'values' (the values counted) goes with aggregate count_where, and only with it");
        }
        if ("ratio".equals(aggregate) == (over == null)) {
            throw new Panel.PanelException(
                    what + ": 'over' (the denominator column) goes with aggregate ratio, and only with it");
        }
        String name = y.get("name") == null ? column : ids.name(y.get("name"), "headline.name");
        return new Headline(
                name,
                column,
                aggregate,
                y.get("label") == null ? null : y.get("label").toString(),
                where,
                values,
                over,
                rows,
                ids.name(y.get("status"), "headline.status"),
                y.get("when_null") == null ? null : y.get("when_null").toString());
    }

    /** The columns it reads (checked against the catalogue). */
    List<String> columns() {
        List<String> out = new ArrayList<>(List.of(column));
        out.addAll(where.keySet());
        if (over != null) {
            out.add(over);
        }
        if (status != null) {
            out.add(status);
        }
        return out;
    }

    /** Checks a name read from YAML (it goes into SQL): the panel's own rule, with the file in its message. */
    interface Identifiers {
        String name(Object value, String key);
    }
}
