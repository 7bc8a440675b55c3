package org.mizan.extract;

import java.util.List;

/** One view of an extract after disclosure control: its columns, key columns and rows (JDBC values; null = empty). */
public record Table(ExtractView view, List<String> columns, List<List<Object>> rows) {

    public String name() {
        return view.name();
    }

    /** A row's key as text, {@code NP-P1|2024|F}, in the order of the view's {@code -- key:} columns. */
    public String key(List<Object> row) {
        StringBuilder b = new StringBuilder();
        for (String k : view.key()) {
            if (!b.isEmpty()) {
                b.append('|');
            }
            b.append(Cells.text(row.get(columns.indexOf(k))));
        }
        return b.toString();
    }
}
