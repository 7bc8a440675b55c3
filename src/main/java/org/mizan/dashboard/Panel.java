package org.mizan.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One dashboard panel as declared in {@code dashboards/ID.yml}: what it reads (a public view or a named query),
 * which columns it shows, how it is charted, and which columns carry the unit and the period (see
 * {@code dashboards/README.md} for the format).
 */
public record Panel(
        String id,
        String title,
        String description,
        int position,
        String view,
        String query,
        Map<String, String> params,
        String unit,
        String period,
        List<String> fields,
        List<String> order,
        Chart chart,
        String drill,
        List<Headline> headline,
        String rank,
        Ranking ranking,
        Map<String, String> labels,
        Map<String, String> flags,
        String group) {

    /** The navigation's groups, in the order shown, and their headings. */
    public static final List<String> GROUP_ORDER = List.of("coherence", "sources", "reference");

    public static final Map<String, String> GROUPS =
            Map.of("coherence", "Coherence views", "sources", "Sources", "reference", "Reference data");

    /** How the panel is charted: type (bar, line, pie or none), the category field and the value fields. */
    public record Chart(String type, String x, List<String> y) {
        static final Set<String> TYPES = Set.of("bar", "line", "pie", "none");
    }

    /** Page values a named query's parameter can take. */
    static final Set<String> PAGE_VALUES = Set.of("unit", "period");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Set<String> KEYS = Set.of(
            "title",
            "description",
            "position",
            "view",
            "query",
            "params",
            "unit",
            "period",
            "fields",
            "order",
            "chart",
            "drill",
            "headline",
            "rank",
            "ranking",
            "labels",
            "flags",
            "group");

    /** The panel's source's name, for messages. */
    public String source() {
        return view != null ? "view " + view : "named query " + query;
    }

    /** True when the panel's rows belong to admin units, so that a regional viewer can be given its own. */
    public boolean scoped() {
        return unit != null;
    }

    /** A field's label: the one declared, else the column name. */
    public String label(String field) {
        return labels.getOrDefault(field, field);
    }

    /** A headline number's label: its own, else its column's. */
    public String label(Headline h) {
        return h.label() != null ? h.label() : label(h.column());
    }

    /** Every column name the panel uses (checked against the catalogue). */
    public List<String> columnsUsed() {
        List<String> out = new ArrayList<>(fields);
        for (String c : new String[] {unit, period, drill, rank, chart.x()}) {
            if (c != null) {
                out.add(c);
            }
        }
        out.addAll(order);
        out.addAll(chart.y());
        headline.forEach(h -> out.addAll(h.columns()));
        if (ranking != null) {
            out.addAll(ranking.columnsUsed());
        }
        out.addAll(flags.keySet());
        flags.values().stream().filter(r -> r.startsWith("=")).forEach(r -> out.add(r.substring(1)));
        return out;
    }

    /** Refuses a key of a panel's YAML (or of one of its entries) that is not in {@code keys}; {@code where} starts the message. */
    static void requireKnownKeys(Map<String, ?> y, Set<String> keys, String where) {
        for (String k : y.keySet()) {
            if (!keys.contains(k)) {
                throw new PanelException(
                        where + ": unknown key '" + k + "' (known: " + new java.util.TreeSet<>(keys) + ")");
            }
        }
    }

    /** Reads a panel from its YAML document; a mistake is reported with the file's name and what to write. */
    @SuppressWarnings("unchecked")
    static Panel fromYaml(String id, Map<String, Object> y) {
        String file = "dashboards/" + id + ".yml";
        if (y == null) {
            throw new PanelException(file + " is empty: give at least title, view (or query) and fields");
        }
        requireKnownKeys(y, KEYS, file);
        String view = text(y, "view", file);
        String query = text(y, "query", file);
        if ((view == null) == (query == null)) {
            throw new PanelException(file + ": give exactly one of 'view' (a public view) and 'query' (a named query)");
        }
        List<String> fields = names(y.get("fields"), "fields", file);
        if (fields.isEmpty()) {
            throw new PanelException(file + ": 'fields' lists no column: name the columns the table shows");
        }
        Map<String, Object> c = y.get("chart") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String type = c.getOrDefault("type", "none").toString();
        if (!Chart.TYPES.contains(type)) {
            throw new PanelException(
                    file + ": chart type '" + type + "' is not one of " + new java.util.TreeSet<>(Chart.TYPES));
        }
        Chart chart = new Chart(type, identifier(c.get("x"), "chart.x", file), names(c.get("y"), "chart.y", file));
        if (!"none".equals(type) && (chart.x() == null || chart.y().isEmpty())) {
            throw new PanelException(
                    file + ": a " + type + " chart needs chart.x (a field) and chart.y (one or more fields)");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (y.get("params") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> {
                if (!PAGE_VALUES.contains(String.valueOf(v))) {
                    throw new PanelException(file + ": params." + k + " is '" + v
                            + "': a parameter takes the page's 'unit' or 'period'");
                }
                params.put(String.valueOf(k), String.valueOf(v));
            });
        }
        if (view != null && !params.isEmpty()) {
            throw new PanelException(
                    file + ": 'params' is for a named query; a view is filtered through 'unit' and 'period'");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (y.get("labels") instanceof Map<?, ?> l) {
            l.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
        }
        Map<String, String> flags = new LinkedHashMap<>();
        if (y.get("flags") instanceof Map<?, ?> f) {
            f.forEach((k, v) -> {
                String reason = String.valueOf(v);
                if (reason.startsWith("=")) {
                    identifier(reason.substring(1), "flags." + k, file);
                }
                flags.put(identifier(k, "flags", file), reason);
            });
        }
        flags.forEach((col, reason) -> {
            if (!fields.contains(col) || (reason.startsWith("=") && !fields.contains(reason.substring(1)))) {
                throw new PanelException(file + ": flags." + col
                        + ": the flag's column and a reason column (=name) must be among the fields");
            }
        });
        String rank = identifier(y.get("rank"), "rank", file);
        Headline.Identifiers ids = (v, key) -> identifier(v, key, file);
        List<Headline> headline = new ArrayList<>();
        for (Object o : y.get("headline") instanceof List<?> l
                ? l
                : y.get("headline") == null ? List.of() : List.of(y.get("headline"))) {
            headline.add(Headline.fromYaml(o, file, ids));
        }
        Ranking ranking = Ranking.fromYaml(y.get("ranking"), file, ids);
        String unit = identifier(y.get("unit"), "unit", file);
        if ((rank != null || ranking != null || !headline.isEmpty()) && unit == null) {
            throw new PanelException(
                    file + ": 'headline', 'rank' and 'ranking' are per unit: name the unit column in 'unit'");
        }
        if (rank != null
                && headline.stream()
                        .noneMatch(h -> h.name().equals(rank) && h.aggregate().equals("sum"))) {
            throw new PanelException(file + ": rank '" + rank + "' must be one of the summed headline fields "
                    + headline.stream()
                            .filter(h -> h.aggregate().equals("sum"))
                            .map(Headline::name)
                            .toList());
        }
        if (headline.stream().map(Headline::name).distinct().count() < headline.size()) {
            throw new PanelException(file + ": two headline numbers have the same name: give one a 'name'");
        }
        Object pos = y.getOrDefault("position", 100);
        String group = String.valueOf(y.getOrDefault("group", "sources"));
        if (!GROUPS.containsKey(group)) {
            throw new PanelException(file + ": group '" + group + "' is not one of " + GROUP_ORDER);
        }
        return new Panel(
                id,
                required(y, "title", file),
                String.valueOf(y.getOrDefault("description", "")),
                pos instanceof Number n ? n.intValue() : Integer.parseInt(pos.toString()),
                identifier(view, "view", file),
                query,
                params,
                unit,
                identifier(y.get("period"), "period", file),
                fields,
                names(y.get("order"), "order", file),
                chart,
                identifier(y.get("drill"), "drill", file),
                List.copyOf(headline),
                rank,
                ranking,
                labels,
                flags,
                group);
    }

    private static String required(Map<String, Object> y, String key, String file) {
        String v = text(y, key, file);
        if (v == null || v.isBlank()) {
            throw new PanelException(file + ": '" + key + "' is missing");
        }
        return v;
    }

    private static String text(Map<String, Object> y, String key, String file) {
        Object v = y.get(key);
        return v == null ? null : v.toString();
    }

    private static List<String> names(Object v, String key, String file) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (Object o : v instanceof List<?> l ? l : List.of(v)) {
            out.add(identifier(o, key, file));
        }
        return out;
    }

    /** A column or view name as written in the YAML: lower-case letters, digits and '_' only (it goes into SQL). */
    private static String identifier(Object v, String key, String file) {
        if (v == null) {
            return null;
        }
        String s = v.toString();
        if (!IDENTIFIER.matcher(s).matches()) {
            throw new PanelException(
                    file + ": " + key + " '" + s + "' is not a column or view name (lower-case letters, digits, '_')");
        }
        return s;
    }

    /** A panel definition that cannot work; the message names the file and what to change. */
    public static class PanelException extends RuntimeException {
        public PanelException(String message) {
            super(message);
        }
    }
}
