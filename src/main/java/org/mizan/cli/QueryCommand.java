package org.mizan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mizan.config.MizanHome;
import org.mizan.warehouse.NamedQuery;
import org.mizan.warehouse.ReadOnlyQuery;
import org.mizan.warehouse.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mizan query "<SQL>"} or {@code mizan query NAME [--unit U] [--period P]}: read-only SQL, or a named
 * query, on the published warehouse; never blocks or is blocked by a load.
 */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        header = "Runs a read-only SQL statement or named query on the warehouse.",
        description = {
            "Runs one read-only SQL statement, or a named query, on the published warehouse",
            "(MIZAN_HOME/warehouse/mizan.duckdb). Statements that write (insert, update, create, copy, attach, …)",
            "are refused with exit code 2.",
            "Named queries (warehouse/named/*.sql; mizan query --list shows them with their parameters) take",
            "--unit and --period, or --param NAME=VALUE; values are bound, never pasted into the SQL.",
            "Public views: admin_units, fx_rates, remittance_transactions, remittance_inflows, remittance_cost,",
            "corridor_aggregates, corridor_costs (columns: warehouse/README.md).",
            "Examples: mizan query \"select * from remittance_inflows where level = 1\" --format csv",
            "          mizan query --list",
            "          mizan query inflows --unit NP-P1 --period 2024"
        })
public class QueryCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SQL|NAME",
            description = "one select / with / describe / show / summarize statement, or a named query's name")
    String sql;

    @Option(names = "--list", description = "list the named queries and their parameters")
    boolean list;

    @Option(names = "--unit", description = "a named query's unit parameter (e.g. NP-P1)")
    String unit;

    @Option(names = "--period", description = "a named query's period parameter (e.g. 2024-03, 2024-Q1, 2024)")
    String period;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "any other parameter of a named query")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "table", description = "table (default), csv or json")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!format.matches("table|csv|json")) {
            throw new MizanMain.UsageException("--format must be table, csv or json, not '" + format + "'");
        }
        // the named queries are read from the class path only when a name (not SQL) or --list asks for them
        boolean byName = list || (sql != null && sql.strip().matches("[a-z][a-z0-9_-]*"));
        Map<String, NamedQuery> named = byName ? NamedQuery.all() : Map.of();
        if (list) {
            named.values().forEach(q -> {
                out.println(q.name() + ": " + q.description());
                q.params()
                        .forEach((k, v) -> out.printf(
                                "    --%s  %s%n", k.equals("unit") || k.equals("period") ? k : "param " + k + "=…", v));
            });
            return MizanMain.OK;
        }
        if (sql == null) {
            throw new MizanMain.UsageException("give a SQL statement or a named query (mizan query --list)");
        }
        if (period != null) {
            try {
                org.mizan.extract.ExtractPeriod.parse(period);
            } catch (IllegalArgumentException e) {
                throw new MizanMain.UsageException("--" + e.getMessage());
            }
        }
        String statement = sql;
        java.util.List<String> values = java.util.List.of();
        NamedQuery q = named.get(sql.strip());
        if (q != null) {
            Map<String, String> given = new LinkedHashMap<>(params);
            if (unit != null) {
                given.put("unit", unit);
            }
            if (period != null) {
                given.put("period", period);
            }
            try {
                NamedQuery.Bound bound = q.bind(given);
                statement = bound.sql();
                values = bound.values();
            } catch (IllegalArgumentException e) {
                throw new MizanMain.UsageException(e.getMessage());
            }
        } else {
            if (unit != null || period != null || !params.isEmpty()) {
                throw new MizanMain.UsageException(
                        "'" + sql + "' is not a named query (mizan query --list); --unit, --period and"
                                + " --param are for named queries");
            }
            String refused = ReadOnlyQuery.refusal(sql);
            if (refused != null) {
                throw new MizanMain.UsageException(
                        byName ? "no named query '" + sql.strip() + "' (mizan query --list shows them)" : refused);
            }
        }
        Path warehouse = new Warehouse(MizanHome.fromEnvironment()).published();
        if (warehouse == null) {
            throw new MizanMain.UsageException(
                    "no warehouse in " + MizanHome.fromEnvironment().root()
                            + " yet: run ./mizan demo, or load files with ./mizan run (or set MIZAN_HOME)");
        }
        if (unit != null) {
            Arguments.requireUnit(warehouse, unit);
        }
        try {
            ResultPrinter.print(ReadOnlyQuery.run(warehouse, statement, values), format, out);
            return MizanMain.OK;
        } catch (java.sql.SQLException e) {
            throw new MizanMain.UsageException(
                    "the query failed: " + e.getMessage().strip());
        }
    }
}
