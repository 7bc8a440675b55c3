package org.mizan.dashboard;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mizan.config.MizanHome;
import org.mizan.extract.PublishedCells;

/**
 * Disclosure control of what a regional viewer sees: one mechanism, the extract's. A panel over a view the extract
 * guards (its person counts, what is computed from them, the scorecard's score and reason) shows each cell as the
 * region's extract for the row's year publishes it ({@value PublishedCells#WITHHELD} where it withholds it); a
 * source outside the extract that carries such a column (or a {@code person_id}) is not shown to regions at all.
 * National viewers see the warehouse's figures, marked internal.
 */
final class Disclosed {

    private final Path warehouse;
    /** Extract view → the columns it may withhold (empty: published whole). */
    private final Map<String, Set<String>> extractViews = PublishedCells.guardedViews();

    private final Set<String> guardedColumns = new HashSet<>();
    private final Map<String, PublishedCells> cache = new ConcurrentHashMap<>();
    private final Map<String, Integer> thresholds = new ConcurrentHashMap<>();

    Disclosed(Path warehouse) {
        this.warehouse = warehouse;
        extractViews.values().forEach(guardedColumns::addAll);
    }

    /** True when the viewer may see the panel's source as a region may (national viewers: always). */
    boolean disclosable(Panel panel, Scope scope, List<String> columns) {
        if (scope.isNational() || guarded(panel)) {
            return true;
        }
        if (panel.view() != null && extractViews.containsKey(panel.view())) {
            return true;
        }
        return columns.stream().noneMatch(c -> c.equals("person_id") || guardedColumns.contains(c));
    }

    /** The panel's view is one whose cells the extract may withhold. */
    boolean guarded(Panel panel) {
        return panel.view() != null
                && !extractViews.getOrDefault(panel.view(), Set.of()).isEmpty();
    }

    /**
     * One row as the region's extract publishes it; {@code given} supplies key values the row lacks (a ranking's
     * period). A row whose year or key cannot be told, or that the extract has not, loses every guarded cell.
     */
    List<Object> row(Panel panel, Scope scope, List<String> columns, List<Object> row, Map<String, Object> given) {
        if (scope.isNational() || !guarded(panel)) {
            return row;
        }
        Set<String> guarded = extractViews.get(panel.view());
        Object periodValue = value(panel.period(), columns, row, given);
        String year = periodValue == null ? null : Csv.text(periodValue);
        PublishedCells.View view = null;
        Map<String, String> published = null;
        if (year != null && year.matches("\\d{4}.*")) {
            view = cells(scope.region(), year.substring(0, 4)).view(panel.view());
            StringBuilder key = new StringBuilder();
            boolean complete = view != null;
            for (String k : view == null ? List.<String>of() : view.key()) {
                Object v = value(k, columns, row, given);
                complete &= v != null;
                key.append(key.isEmpty() ? "" : "|").append(Csv.text(v));
            }
            published = complete ? view.rows().get(key.toString()) : null;
        }
        List<Object> out = new ArrayList<>(row);
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            if (published == null) {
                if (guarded.contains(c)) {
                    out.set(i, PublishedCells.WITHHELD);
                }
            } else if (!published.containsKey(c)) {
                // a column of a guarded view the extract does not publish is not published to the region either
                out.set(i, PublishedCells.WITHHELD);
            } else if (!published.get(c).equals(Csv.text(row.get(i)))) {
                out.set(i, published.get(c));
            }
        }
        return out;
    }

    /** A sink that receives the rows as {@link #row} gives them. */
    org.mizan.warehouse.ReadOnlyQuery.RowSink sink(
            Panel panel, Scope scope, org.mizan.warehouse.ReadOnlyQuery.RowSink to) {
        if (scope.isNational() || !guarded(panel)) {
            return to;
        }
        return new org.mizan.warehouse.ReadOnlyQuery.RowSink() {
            private List<String> columns;

            @Override
            public void columns(List<String> names) throws java.io.IOException {
                columns = names;
                to.columns(names);
            }

            @Override
            public void row(List<Object> row) throws java.io.IOException {
                to.row(Disclosed.this.row(panel, scope, columns, row, Map.of()));
            }
        };
    }

    /** Whether a headline or ranked figure of {@code column} must be withheld because a row it rests on is. */
    boolean withheld(Panel panel, Scope scope, String column) {
        return !scope.isNational()
                && guarded(panel)
                && extractViews.get(panel.view()).contains(column);
    }

    /** What {@value PublishedCells#WITHHELD} means, for the viewer's region. */
    String explanation(Scope scope) {
        return PublishedCells.WITHHELD + ": " + PublishedCells.explanation(threshold(scope.region()));
    }

    private static Object value(String column, List<String> columns, List<Object> row, Map<String, Object> given) {
        if (column == null) {
            return null;
        }
        int i = columns.indexOf(column);
        return i >= 0 ? row.get(i) : given.get(column);
    }

    private PublishedCells cells(String region, String year) {
        Path real;
        try {
            real = warehouse.toRealPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // a new build of the warehouse is a new file: its extract is read afresh
        String key = real + "\u0001" + region + "\u0001" + year;
        return cache.computeIfAbsent(key, k -> {
            try {
                return PublishedCells.of(real, region, year, threshold(region));
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "disclosure control of " + region + " " + year + " failed: " + e.getMessage(), e);
            }
        });
    }

    private int threshold(String region) {
        return thresholds.computeIfAbsent(
                region,
                r -> PublishedCells.threshold(
                        new MizanHome(warehouse.toAbsolutePath().getParent().getParent()), r));
    }
}
