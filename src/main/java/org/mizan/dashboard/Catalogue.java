package org.mizan.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mizan.warehouse.DataDictionary;
import org.mizan.warehouse.NamedQuery;

/**
 * Checks a panel against the warehouse's catalogue: its view is a documented public view (data dictionary) or its
 * query a named query, the query's parameters exist, and every field it names is a column of that source.
 */
public final class Catalogue {

    private Catalogue() {}

    /** What is wrong with the panel, one message per problem (empty: it resolves). */
    public static List<String> problems(Panel panel, PanelData data) {
        String file = "dashboards/" + panel.id() + ".yml";
        List<String> out = new ArrayList<>();
        if (panel.view() != null) {
            Set<String> views = new LinkedHashSet<>();
            DataDictionary.views().forEach(v -> views.add(v.name()));
            if (!views.contains(panel.view())) {
                out.add(file + ": view '" + panel.view() + "' is not a public view of the warehouse (one of " + views
                        + ")");
                return out;
            }
        } else {
            NamedQuery q = data.namedQueries().get(panel.query());
            if (q == null) {
                out.add(file + ": no named query '" + panel.query() + "' (one of "
                        + data.namedQueries().keySet() + ")");
                return out;
            }
            for (String p : panel.params().keySet()) {
                if (!q.params().containsKey(p)) {
                    out.add(file + ": named query " + q.name() + " takes no parameter '" + p + "' (it takes "
                            + q.params().keySet() + ")");
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        List<String> columns = data.columns(panel);
        for (String c : new LinkedHashSet<>(panel.columnsUsed())) {
            if (!columns.contains(c)) {
                out.add(file + ": " + panel.source() + " has no column '" + c + "' (it has " + columns + ")");
            }
        }
        return out;
    }
}
