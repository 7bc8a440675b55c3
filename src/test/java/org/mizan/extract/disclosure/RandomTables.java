package org.mizan.extract.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Generates small region tables (a region R, districts D1.., municipalities D1M1..; categories F, M, X; total all)
 * the way the warehouse shapes them: leaves drawn at random, parents and totals their sums, absent cells known zeros.
 */
final class RandomTables {

    /** A generated table, before it is built, so that its cells can be given in any order. */
    record Spec(String name, Map<Cell, Long> values, Map<String, String> parents, Set<String> inexact) {

        CountTable build(Random order) {
            CountTable.Builder builder = CountTable.builder(name).totalColumn("all");
            List<String> children = new ArrayList<>(parents.keySet());
            Collections.shuffle(children, order);
            children.forEach(row -> builder.parent(row, parents.get(row)));
            List<Cell> cells = new ArrayList<>(values.keySet());
            Collections.shuffle(cells, order);
            cells.forEach(c -> builder.cell(c.row(), c.column(), values.get(c)));
            inexact.forEach(builder::inexact);
            return builder.build();
        }
    }

    private RandomTables() {}

    /**
     * A region of 1 to {@code maxDistricts} districts with 0 to {@code maxMunicipalities} municipalities each, 1 to 3
     * categories, leaf counts 0 to {@code maxValue} (small ones more likely), a quarter of the leaf cells absent, and,
     * when {@code inexact}, districts that sometimes count people homed at their own level.
     */
    static Spec generate(Random random, int maxDistricts, int maxMunicipalities, int maxValue, boolean inexact) {
        List<String> categories = List.of("F", "M", "X").subList(0, 1 + random.nextInt(3));
        Map<Cell, Long> values = new TreeMap<>();
        Map<String, String> parents = new TreeMap<>();
        Set<String> inexactRows = new TreeSet<>();
        int districts = 1 + random.nextInt(maxDistricts);
        for (int d = 1; d <= districts; d++) {
            String district = "D" + d;
            parents.put(district, "R");
            int municipalities = random.nextInt(maxMunicipalities + 1);
            boolean own = inexact && municipalities > 0 && random.nextInt(3) == 0;
            for (int m = 1; m <= municipalities; m++) {
                String municipality = district + "M" + m;
                parents.put(municipality, district);
                leaves(random, municipality, categories, maxValue, values);
            }
            if (municipalities == 0 || own) {
                leaves(random, district, categories, own ? 2 : maxValue, values);
            }
            if (own) {
                inexactRows.add(district);
            }
        }
        for (String row :
                List.of("D1M1", "D1M2", "D1M3", "D2M1", "D2M2", "D2M3", "D3M1", "D3M2", "D3M3", "D1", "D2", "D3")) {
            if (parents.containsKey(row)) {
                for (String category : categories) {
                    Long value = values.get(new Cell(row, category));
                    if (value != null) {
                        values.merge(new Cell(parents.get(row), category), value, Long::sum);
                    }
                }
            }
        }
        new TreeSet<>(values.keySet()).stream().map(Cell::row).distinct().forEach(row -> {
            long total = categories.stream()
                    .mapToLong(c -> values.getOrDefault(new Cell(row, c), 0L))
                    .sum();
            values.put(new Cell(row, "all"), total);
        });
        return new Spec("generated", values, parents, inexactRows);
    }

    private static void leaves(
            Random random, String row, List<String> categories, int maxValue, Map<Cell, Long> values) {
        for (String category : categories) {
            if (random.nextInt(4) > 0) {
                long value = Math.min(random.nextInt(maxValue + 1), random.nextInt(maxValue + 1));
                values.put(new Cell(row, category), value);
            }
        }
    }
}
