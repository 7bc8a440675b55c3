package org.mizan.extract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mizan.duckdb.SqlFiles;
import org.mizan.extract.disclosure.Audit;
import org.mizan.extract.disclosure.CellStatus;
import org.mizan.extract.disclosure.CountTable;
import org.mizan.extract.disclosure.Rules;
import org.mizan.extract.disclosure.Suppression;
import org.mizan.extract.disclosure.SuppressionPattern;

/**
 * Disclosure control of an extract's person counts (the {@code -- counts:} columns of {@code reintegration_coverage}:
 * returnees and returnees served, by sex, per unit of the region and year). One {@link CountTable} per count and
 * year (rows: the region's units with their parents; columns: the sexes, {@code all} their total), protected by
 * {@link Suppression} and checked by {@link Audit} before anything is written. A suppressed count also takes the
 * coverage computed from it, and the scorecard's score and reason for that unit and year (the score's
 * reintegration component is the coverage). Suppressed cells show {@code [c]}, primary and secondary alike.
 */
final class Disclosure {

    /** What was suppressed: cells per count, for the manifest. */
    record Summary(Map<String, Integer> suppressed, int cells) {}

    private Disclosure() {}

    static Summary apply(Connection c, String region, Rules rules) throws SQLException {
        Map<String, String> parents = parents(c, region);
        // (count column) -> period -> table builder
        // count column -> period -> unit -> sex -> value
        Map<String, Map<String, Map<String, Map<String, Long>>>> values = new TreeMap<>();
        List<String[]> rows = new ArrayList<>();
        String[] counts = {"returnees", "returnees_served"};
        try (PreparedStatement ps = c.prepareStatement(SqlFiles.text("queries/extract_reintegration_counts.sql"));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String[] r = {rs.getString(1), rs.getString(2), rs.getString(3)};
                rows.add(r);
                for (int i = 0; i < counts.length; i++) {
                    values.computeIfAbsent(counts[i], k -> new TreeMap<>())
                            .computeIfAbsent(r[1], k -> new TreeMap<>())
                            .computeIfAbsent(r[0], k -> new TreeMap<>())
                            .put(r[2], rs.getLong(4 + i));
                }
            }
        }
        Map<String, Map<String, CountTable.Builder>> tables = new TreeMap<>();
        values.forEach((count, byPeriod) ->
                byPeriod.forEach((period, byUnit) -> tables.computeIfAbsent(count, k -> new TreeMap<>())
                        .put(period, table(count + " " + period, parents, byUnit))));
        Map<String, SuppressionPattern> patterns = new LinkedHashMap<>();
        Map<String, Integer> suppressed = new TreeMap<>();
        for (var byCount : tables.entrySet()) {
            for (var byPeriod : byCount.getValue().entrySet()) {
                CountTable t = byPeriod.getValue().build();
                SuppressionPattern p = Suppression.apply(t, rules);
                List<Audit.Recovery> leaks = Audit.recoverable(t, p);
                if (!leaks.isEmpty()) {
                    throw new IllegalStateException("disclosure control could not protect " + t.name() + ": " + leaks
                            + "; nothing was written");
                }
                patterns.put(byCount.getKey() + "\u0001" + byPeriod.getKey(), p);
                suppressed.merge(byCount.getKey(), p.suppressed().size(), Integer::sum);
            }
        }
        int cells = 0;
        TreeSet<String> scoreRows = new TreeSet<>();
        try (PreparedStatement up = c.prepareStatement(SqlFiles.text("queries/extract_suppress_reintegration.sql"))) {
            for (String[] r : rows) {
                boolean returnees = suppressed(patterns.get("returnees\u0001" + r[1]), r[0], r[2]);
                boolean served = suppressed(patterns.get("returnees_served\u0001" + r[1]), r[0], r[2]);
                if (!returnees && !served) {
                    continue;
                }
                List<String> marked = new ArrayList<>();
                if (returnees) {
                    marked.add("returnees");
                }
                if (served) {
                    marked.add("returnees_served");
                }
                marked.add("coverage_pct");
                up.setBoolean(1, returnees);
                up.setBoolean(2, served);
                up.setString(3, String.join(", ", marked));
                up.setString(4, r[0]);
                up.setString(5, r[1]);
                up.setString(6, r[2]);
                up.executeUpdate();
                cells += marked.size();
                if ("all".equals(r[2])) {
                    scoreRows.add(r[0] + "\u0001" + r[1]);
                }
            }
        }
        cells += Scorecard.redact(c, scoreRows, parents);
        return new Summary(suppressed, cells);
    }

    private static boolean suppressed(SuppressionPattern p, String row, String column) {
        return p != null && p.status(row, column) != CellStatus.PUBLISHED;
    }

    /**
     * One count's table for one year. A unit that also counts people registered at its own level (a district's
     * returnees with no municipality) is more than the sum of its children: its relations are then inequalities.
     */
    private static CountTable.Builder table(
            String name, Map<String, String> parents, Map<String, Map<String, Long>> byUnit) {
        CountTable.Builder b = CountTable.builder(name).totalColumn("all");
        Map<String, Map<String, Long>> childSums = new TreeMap<>();
        byUnit.forEach((unit, bySex) -> {
            String parent = parents.get(unit);
            if (parent != null && byUnit.containsKey(parent)) {
                b.parent(unit, parent);
                bySex.forEach((sex, v) ->
                        childSums.computeIfAbsent(parent, k -> new TreeMap<>()).merge(sex, v, Long::sum));
            }
            bySex.forEach((sex, v) -> b.cell(unit, sex, v));
        });
        childSums.forEach((parent, sums) -> {
            if (!sums.equals(byUnit.get(parent))) {
                b.inexact(parent);
            }
        });
        return b;
    }

    private static Map<String, String> parents(Connection c, String region) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(SqlFiles.text("queries/extract_units.sql"))) {
            ps.setString(1, region);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }
}
