package org.mizan.extract.disclosure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mizan.extract.disclosure.Cell;
import org.mizan.extract.disclosure.CountTable;

/** Derives the relations a {@link CountTable} implies, in a fixed order: each row's total, then each parent's columns. */
public final class Relations {

    private Relations() {}

    /** The row relations (when the table has a total column), then the column relations under each parent. */
    public static List<Relation> of(CountTable table) {
        Map<String, SortedSet<String>> columnsByRow = new TreeMap<>();
        for (Cell cell : table.values().keySet()) {
            columnsByRow.computeIfAbsent(cell.row(), r -> new TreeSet<>()).add(cell.column());
        }
        List<Relation> relations = new ArrayList<>();
        if (table.totalColumn() != null) {
            columnsByRow.forEach((row, columns) -> {
                Cell total = new Cell(row, table.totalColumn());
                List<Cell> parts = columns.stream()
                        .filter(c -> !c.equals(table.totalColumn()))
                        .map(c -> new Cell(row, c))
                        .toList();
                relations.add(new Relation("row " + row, total, columns.contains(table.totalColumn()), parts, true));
            });
        }
        Map<String, SortedSet<String>> children = new TreeMap<>();
        table.parents().forEach((row, parent) -> {
            if (columnsByRow.containsKey(row)) {
                children.computeIfAbsent(parent, p -> new TreeSet<>()).add(row);
            }
        });
        children.forEach((parent, rows) -> {
            SortedSet<String> columns = new TreeSet<>(columnsByRow.getOrDefault(parent, new TreeSet<>()));
            rows.forEach(child -> columns.addAll(columnsByRow.get(child)));
            boolean exact = !table.inexactRows().contains(parent);
            for (String column : columns) {
                Cell head = new Cell(parent, column);
                List<Cell> parts = rows.stream()
                        .map(child -> new Cell(child, column))
                        .filter(table.values()::containsKey)
                        .toList();
                relations.add(new Relation(
                        "column " + column + " under " + parent,
                        head,
                        table.values().containsKey(head),
                        parts,
                        exact));
            }
        });
        return List.copyOf(relations);
    }
}
