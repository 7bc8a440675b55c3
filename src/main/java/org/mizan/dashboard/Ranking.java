package org.mizan.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a panel ranks the units one level below a page's unit ({@code ranking:} in {@code dashboards/ID.yml}): by a
 * rank column of each unit's own row (1 first), with some of its columns beside it; a unit without a rank comes
 * after, with the value of its {@code why} column (or "not reported" when it has no row at all).
 */
public record Ranking(String by, List<String> columns, String why) {

    private static final Set<String> KEYS = Set.of("by", "columns", "why");

    @SuppressWarnings("unchecked")
    static Ranking fromYaml(Object entry, String file, Headline.Identifiers ids) {
        if (entry == null) {
            return null;
        }
        if (!(entry instanceof Map<?, ?> raw)) {
            throw new Panel.PanelException(
                    file + ": 'ranking' is a mapping: {by: a rank column, columns: [...], why: a column}");
        }
        Map<String, Object> y = (Map<String, Object>) raw;
        Panel.requireKnownKeys(y, KEYS, file + ": ranking");
        String by = ids.name(y.get("by"), "ranking.by");
        if (by == null) {
            throw new Panel.PanelException(file + ": ranking needs 'by', the rank column (1 = first)");
        }
        List<String> columns = new ArrayList<>();
        if (y.get("columns") instanceof List<?> l) {
            l.forEach(c -> columns.add(ids.name(c, "ranking.columns")));
        }
        return new Ranking(by, List.copyOf(columns), ids.name(y.get("why"), "ranking.why"));
    }

    /** Every column it reads, the rank first. */
    List<String> columnsUsed() {
        List<String> out = new ArrayList<>(List.of(by));
        out.addAll(columns);
        if (why != null) {
            out.add(why);
        }
        return out;
    }
}
