package org.mizan.extract.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An attacker written independently of the suppression code: from the published cells and the table's additive
 * structure it enumerates non-negative integer completions (each unknown from 0 to one more than the table's largest count) and
 * tells, for each suppressed cell, whether a completion exists where it has another value than the true one.
 */
final class Attacker {

    /** One relation: {@code constant + sum(coef[i] * x[vars[i]])} is 0, or at least 0 when not exact. */
    private record Constraint(int[] vars, int[] coefs, long constant, boolean exact) {}

    private final List<Cell> unknowns;
    private final long[] truth;
    private final long bound;
    private final List<Constraint> constraints = new ArrayList<>();
    private final Map<Integer, List<Constraint>> byVar = new HashMap<>();

    Attacker(RandomTables.Spec spec, Collection<Cell> suppressed) {
        unknowns = new ArrayList<>(new TreeSet<>(suppressed));
        truth = unknowns.stream().mapToLong(spec.values()::get).toArray();
        // the table's largest count plus one: enough, since for these sums over a hierarchy (a totally unimodular
        // system) a cell that is not fixed can move by one with every other cell moving by at most one
        bound = spec.values().values().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        Map<String, Set<String>> columns = new HashMap<>();
        spec.values()
                .keySet()
                .forEach(c ->
                        columns.computeIfAbsent(c.row(), r -> new TreeSet<>()).add(c.column()));
        columns.forEach((row, present) -> {
            List<Cell> parts = present.stream()
                    .filter(c -> !c.equals("all"))
                    .map(c -> new Cell(row, c))
                    .toList();
            add(spec, new Cell(row, "all"), parts, true);
        });
        for (String parent : new TreeSet<>(spec.parents().values())) {
            List<String> children = spec.parents().keySet().stream()
                    .filter(r -> spec.parents().get(r).equals(parent) && columns.containsKey(r))
                    .toList();
            Set<String> cols = new TreeSet<>(columns.getOrDefault(parent, Set.of()));
            children.forEach(child -> cols.addAll(columns.get(child)));
            for (String column : cols) {
                List<Cell> parts =
                        children.stream().map(child -> new Cell(child, column)).toList();
                add(spec, new Cell(parent, column), parts, !spec.inexact().contains(parent));
            }
        }
    }

    private void add(RandomTables.Spec spec, Cell head, List<Cell> parts, boolean exact) {
        List<Integer> vars = new ArrayList<>();
        List<Integer> coefs = new ArrayList<>();
        long constant = 0;
        List<Cell> all = new ArrayList<>(parts);
        all.add(0, head);
        for (int k = 0; k < all.size(); k++) {
            Cell cell = all.get(k);
            int coef = k == 0 ? 1 : -1;
            if (!spec.values().containsKey(cell)) {
                continue;
            }
            int var = unknowns.indexOf(cell);
            if (var >= 0) {
                vars.add(var);
                coefs.add(coef);
            } else {
                constant += coef * spec.values().get(cell);
            }
        }
        Constraint c = new Constraint(
                vars.stream().mapToInt(i -> i).toArray(),
                coefs.stream().mapToInt(i -> i).toArray(),
                constant,
                exact);
        constraints.add(c);
        vars.forEach(v -> byVar.computeIfAbsent(v, k -> new ArrayList<>()).add(c));
    }

    /** The suppressed cells that have one possible value only. */
    List<Cell> disclosed() {
        List<Cell> disclosed = new ArrayList<>();
        for (int u = 0; u < unknowns.size(); u++) {
            boolean another = false;
            for (long v = 0; v <= bound && !another; v++) {
                if (v != truth[u]) {
                    long[] x = new long[unknowns.size()];
                    boolean[] set = new boolean[unknowns.size()];
                    x[u] = v;
                    set[u] = true;
                    another = consistent(x, set) && search(x, set, 0);
                }
            }
            if (!another) {
                disclosed.add(unknowns.get(u));
            }
        }
        return disclosed;
    }

    private boolean search(long[] x, boolean[] set, int next) {
        while (next < x.length && set[next]) {
            next++;
        }
        if (next == x.length) {
            return true;
        }
        Long forced = forced(x, set, next);
        long from = forced == null ? 0 : forced;
        long to = forced == null ? bound : forced;
        for (long v = Math.max(0, from); v <= Math.min(bound, to); v++) {
            x[next] = v;
            set[next] = true;
            if (consistent(x, set) && search(x, set, next + 1)) {
                return true;
            }
            set[next] = false;
        }
        return false;
    }

    /** The value an exact constraint whose other unknowns are all set forces on {@code var}, if any. */
    private Long forced(long[] x, boolean[] set, int var) {
        for (Constraint c : byVar.getOrDefault(var, List.of())) {
            long sum = c.constant();
            int coef = 0;
            boolean others = true;
            for (int i = 0; i < c.vars().length; i++) {
                if (c.vars()[i] == var) {
                    coef = c.coefs()[i];
                } else if (set[c.vars()[i]]) {
                    sum += c.coefs()[i] * x[c.vars()[i]];
                } else {
                    others = false;
                }
            }
            if (c.exact() && others) {
                return -sum * coef;
            }
        }
        return null;
    }

    /** Whether every constraint can still be met with the unset unknowns anywhere from 0 to the bound. */
    private boolean consistent(long[] x, boolean[] set) {
        for (Constraint c : constraints) {
            long low = c.constant();
            long high = c.constant();
            for (int i = 0; i < c.vars().length; i++) {
                int var = c.vars()[i];
                long lo = set[var] ? x[var] : 0;
                long hi = set[var] ? x[var] : bound;
                low += c.coefs()[i] > 0 ? lo : -hi;
                high += c.coefs()[i] > 0 ? hi : -lo;
            }
            if (high < 0 || c.exact() && low > 0) {
                return false;
            }
        }
        return true;
    }
}
