package org.mizan.extract.disclosure;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mizan.extract.disclosure.internal.Relation;
import org.mizan.extract.disclosure.internal.Relations;

/**
 * A two-dimensional additive table of person counts with a hierarchy of rows: rows are units (municipality, district,
 * region), columns are categories (F, M, X, unknown) and a total column ({@code all}). A cell that is absent is a
 * known 0: it is not published as a cell and is not a variable of the suppression.
 *
 * <p>The relations the table implies, and that {@link #builder build} checks: for each row, its total column equals
 * the sum of its other columns present; for each column and each row with children, the parent's cell equals the sum
 * of its children's cells present. Every relation is treated as an exact equality. When a parent also counts people
 * homed at its own level (registered at the district, not in any municipality) that is conservative for the checks
 * but wrong for the arithmetic; declare such a parent {@link Builder#inexact inexact}: its column relations then read
 * parent &ge; sum of children, which is what an attacker knows.
 */
public final class CountTable {

    private final String name;
    private final String totalColumn;
    private final NavigableMap<Cell, Long> values;
    private final NavigableMap<String, String> parents;
    private final NavigableSet<String> inexact;
    private final List<Relation> relations;

    private CountTable(Builder builder) {
        this.name = builder.name;
        this.totalColumn = builder.totalColumn;
        this.values = Collections.unmodifiableNavigableMap(new TreeMap<>(builder.values));
        this.parents = Collections.unmodifiableNavigableMap(new TreeMap<>(builder.parents));
        this.inexact = Collections.unmodifiableNavigableSet(new TreeSet<>(builder.inexact));
        this.relations = Relations.of(this);
    }

    /** A builder for a table named {@code name} (the measure and period, used in error messages). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The table's name. */
    public String name() {
        return name;
    }

    /** The total column, or null when the table has none (no row relations). */
    public String totalColumn() {
        return totalColumn;
    }

    /** Every present cell and its count, in cell order. */
    public NavigableMap<Cell, Long> values() {
        return values;
    }

    /** The count of a cell, empty when the cell is absent (a known 0). */
    public OptionalLong value(String row, String column) {
        Long value = values.get(new Cell(row, column));
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** Every row that has a parent, mapped to its parent row. */
    public NavigableMap<String, String> parents() {
        return parents;
    }

    /** The rows declared inexact: their column relations are inequalities. */
    public SortedSet<String> inexactRows() {
        return inexact;
    }

    /** Every row that holds a present cell, in key order. */
    public SortedSet<String> rows() {
        TreeSet<String> rows = new TreeSet<>();
        values.keySet().forEach(c -> rows.add(c.row()));
        return rows;
    }

    /** The relations the table implies, in a fixed order (rows, then columns under each parent). */
    public List<Relation> relations() {
        return relations;
    }

    @Override
    public String toString() {
        return "table " + name;
    }

    /** Builds a {@link CountTable}; {@link #build} checks every relation. */
    public static final class Builder {

        private final String name;
        private String totalColumn;
        private final Map<Cell, Long> values = new TreeMap<>();
        private final Map<String, String> parents = new TreeMap<>();
        private final Set<String> inexact = new TreeSet<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The column that holds each row's total (for example {@code all}). */
        public Builder totalColumn(String column) {
            this.totalColumn = Objects.requireNonNull(column, "column");
            return this;
        }

        /** Declares {@code parentRow} as the parent of {@code row} in the hierarchy. */
        public Builder parent(String row, String parentRow) {
            String earlier = parents.putIfAbsent(
                    Objects.requireNonNull(row, "row"), Objects.requireNonNull(parentRow, "parentRow"));
            if (earlier != null && !earlier.equals(parentRow)) {
                throw new IllegalArgumentException(name + ": row " + row + " is given two parents, " + earlier + " and "
                        + parentRow + "; a unit has one parent");
            }
            return this;
        }

        /** The count of one cell; each cell is given once. */
        public Builder cell(String row, String column, long value) {
            Cell cell = new Cell(row, column);
            if (values.putIfAbsent(cell, value) != null) {
                throw new IllegalArgumentException(name + ": cell " + cell + " is given twice (" + values.get(cell)
                        + " and " + value + "); give each unit and category once");
            }
            return this;
        }

        /**
         * Declares that {@code parentRow} counts people homed at its own level too, so that each of its cells is at
         * least, not exactly, the sum of its children's.
         */
        public Builder inexact(String parentRow) {
            inexact.add(Objects.requireNonNull(parentRow, "parentRow"));
            return this;
        }

        /** The table, once every count is non-negative, the hierarchy has no cycle and every relation adds up. */
        public CountTable build() {
            values.forEach((cell, value) -> {
                if (value < 0) {
                    throw new IllegalArgumentException(name + ": cell " + cell + " has a negative count " + value
                            + "; counts of persons are 0 or more");
                }
            });
            for (String row : parents.keySet()) {
                Set<String> seen = new HashSet<>();
                for (String at = row; at != null; at = parents.get(at)) {
                    if (!seen.add(at)) {
                        throw new IllegalArgumentException(name + ": the hierarchy has a cycle through row " + at
                                + "; each unit's parent must be at a higher level");
                    }
                }
            }
            for (String row : inexact) {
                if (!parents.containsValue(row)) {
                    throw new IllegalArgumentException(name + ": row " + row
                            + " is declared inexact but has no children; declare only parent rows inexact");
                }
            }
            CountTable table = new CountTable(this);
            for (Relation relation : table.relations) {
                if (!relation.holds(table.values)) {
                    throw new IllegalArgumentException(name + ": " + relation.describe(table.values)
                            + "; the table must add up before it is protected");
                }
            }
            return table;
        }
    }
}
