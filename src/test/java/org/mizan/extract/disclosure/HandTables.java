package org.mizan.extract.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Hand-written tables in a compact notation: {@code "D1M1 F=12 M=15 X=3 all=30"} per row, {@code "D1M1>D1"} per parent. */
final class HandTables {

    private HandTables() {}

    /** The table with total column {@code all}, its cells given in the order written. */
    static CountTable table(String name, String parents, String... rows) {
        return table(name, parents, null, rows);
    }

    /** The same table with its cells and parents given in an order shuffled by {@code shuffle} (none when null). */
    static CountTable table(String name, String parents, Random shuffle, String... rows) {
        List<String[]> links = new ArrayList<>();
        Arrays.stream(parents.split(" ")).filter(s -> !s.isEmpty()).forEach(p -> links.add(p.split(">")));
        Map<Cell, Long> cells = new TreeMap<>();
        List<Cell> order = new ArrayList<>();
        for (String row : rows) {
            String[] words = row.split(" +");
            for (int i = 1; i < words.length; i++) {
                String[] kv = words[i].split("=");
                Cell cell = new Cell(words[0], kv[0]);
                cells.put(cell, Long.parseLong(kv[1]));
                order.add(cell);
            }
        }
        if (shuffle != null) {
            Collections.shuffle(links, shuffle);
            Collections.shuffle(order, shuffle);
        }
        CountTable.Builder builder = CountTable.builder(name).totalColumn("all");
        links.forEach(l -> builder.parent(l[0], l[1]));
        order.forEach(c -> builder.cell(c.row(), c.column(), cells.get(c)));
        return builder.build();
    }

    /** The suppressed cells of a pattern with their status, as {@code "D1/F=SECONDARY"} strings in cell order. */
    static List<String> suppressed(SuppressionPattern pattern) {
        return pattern.suppressed().stream()
                .map(c -> c + "=" + pattern.status(c.row(), c.column()))
                .toList();
    }

    /** Cells from {@code "D1/F"} strings. */
    static List<Cell> cells(String... cells) {
        return Arrays.stream(cells)
                .map(c -> new Cell(c.split("/")[0], c.split("/")[1]))
                .toList();
    }
}
