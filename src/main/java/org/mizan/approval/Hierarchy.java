package org.mizan.approval;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mizan.duckdb.SqlFiles;
import org.mizan.warehouse.ReadOnlyQuery;

/**
 * The admin units and which of them hold data, as the published warehouse has them: what an approval tree is built
 * from ({@code warehouse/queries/approval_*.sql}).
 */
public final class Hierarchy {

    /** One unit: code, name, level and parent. */
    public record Unit(String code, String name, int level, String parent) {}

    private final Path warehouse;
    private final Map<String, Unit> units = new LinkedHashMap<>();

    public Hierarchy(Path warehouse) {
        if (warehouse == null) {
            throw new ApprovalException(
                    "nothing is loaded yet (no warehouse): load the gazetteer and the data before approving");
        }
        this.warehouse = warehouse;
        for (List<Object> r : query("approval_units.sql", List.of())) {
            units.put(
                    (String) r.get(0),
                    new Unit((String) r.get(0), (String) r.get(1), ((Number) r.get(2)).intValue(), (String) r.get(3)));
        }
    }

    /** The unit; an error naming it when the gazetteer has no such unit. */
    public Unit require(String code) {
        Unit u = units.get(code);
        if (u == null) {
            throw new ApprovalException("unknown unit '" + code + "': the gazetteer has no such unit code (mizan query"
                    + " \"select unit_code, name, level from admin_units\" lists them)");
        }
        return u;
    }

    /** The unit and its ancestors, nearest first. */
    public List<Unit> chain(String code) {
        List<Unit> out = new ArrayList<>();
        for (Unit u = units.get(code);
                u != null && out.size() < 10;
                u = u.parent() == null ? null : units.get(u.parent())) {
            out.add(u);
        }
        return out;
    }

    public boolean isWithin(String code, String ancestor) {
        return chain(code).stream().anyMatch(u -> u.code().equals(ancestor));
    }

    /** The units of a level within {@code ancestor}. */
    public List<Unit> below(String ancestor, int level) {
        return units.values().stream()
                .filter(u -> u.level() == level && !u.code().equals(ancestor) && isWithin(u.code(), ancestor))
                .toList();
    }

    /** Every unit holding data of the workflow's loads in the period, with every unit above it. */
    public Set<String> holding(Workflow w, String period) {
        LocalDate from = w.periodType().start(period);
        LocalDate to = w.periodType().end(period);
        String sources = String.join(",", w.sources());
        Set<String> out = new LinkedHashSet<>();
        for (List<Object> r : query(
                "approval_holdings.sql",
                List.of(String.join(",", w.jobs()), sources, sources, from.toString(), to.toString()))) {
            chain((String) r.get(0)).forEach(u -> out.add(u.code()));
        }
        return out;
    }

    /** The units and months a load of a job would replace: its rows of a source and period, or of a delivered file. */
    public List<List<Object>> loadUnits(String job, String source, String period, String fileName) {
        return query(
                "approval_partition_units.sql",
                java.util.Arrays.asList(
                        job,
                        source == null ? "" : source,
                        period == null ? "" : period,
                        fileName == null ? "" : fileName));
    }

    private List<List<Object>> query(String file, List<String> values) {
        try {
            return ReadOnlyQuery.run(warehouse, SqlFiles.text("queries/" + file), values)
                    .rows();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the units from the warehouse " + warehouse + ": " + e.getMessage(), e);
        }
    }
}
