package org.mizan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mizan.config.MizanHome;
import org.mizan.warehouse.ReadOnlyQuery;
import org.mizan.warehouse.Warehouse;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mizan query "<SQL>"}: read-only SQL on the published warehouse; never blocks or is blocked by a load. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs one read-only SQL statement on the published warehouse (MIZAN_HOME/warehouse/mizan.duckdb).",
                "Statements that write (insert, update, create, copy, attach, …) are refused with exit code 2.",
                "Public views: admin_units, fx_rates, remittance_transactions, remittance_inflows, remittance_cost,",
                "corridor_aggregates, corridor_costs (columns: warehouse/README.md).",
                "Example: mizan query \"select * from remittance_inflows where level = 1\" --format csv"})
public class QueryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SQL", description = "one select / with / describe / show / summarize statement")
    String sql;

    @Option(names = "--format", defaultValue = "table", description = "table (default), csv or json")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.matches("table|csv|json")) {
            throw new MizanMain.UsageException("--format must be table, csv or json, not '" + format + "'");
        }
        String refused = ReadOnlyQuery.refusal(sql);
        if (refused != null) {
            throw new MizanMain.UsageException(refused);
        }
        Path warehouse = new Warehouse(MizanHome.fromEnvironment()).published();
        if (warehouse == null) {
            throw new MizanMain.UsageException("no warehouse in " + MizanHome.fromEnvironment().root()
                    + " yet: run ./mizan demo, or load files with ./mizan run (or set MIZAN_HOME)");
        }
        try {
            ResultPrinter.print(ReadOnlyQuery.run(warehouse, sql), format, spec.commandLine().getOut());
            return MizanMain.OK;
        } catch (java.sql.SQLException e) {
            throw new MizanMain.UsageException("the query failed: " + e.getMessage().strip());
        }
    }
}
