package org.mizan.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.mizan.config.MizanHome;
import org.mizan.duckdb.SqlFiles;
import org.mizan.quality.QualityChecks;
import org.mizan.warehouse.ReadOnlyQuery;
import org.mizan.warehouse.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mizan flags}: the data-quality flags of the published warehouse, for a steward to review. */
@Command(
        name = "flags",
        mixinStandardHelpOptions = true,
        header = "Lists the values the data-quality checks flagged.",
        description = {
            "Lists the values the checks of config/quality.yml flagged (view data_quality_flags): the record",
            "(file and line, or activity and transaction), the value, the range the check expected, the score and",
            "the reason; open flags first. Review one with: mizan review FLAG_ID --accept|--reject \"reason\".",
            "Example: mizan flags --unit NP-P1 --period 2024 --check negative_funding"
        })
public class FlagsCommand implements Callable<Integer> {

    @Option(names = "--unit", description = "only flags on this unit and the units below it")
    String unit;

    @Option(names = "--period", description = "only flags of this year (YYYY) or month (YYYY-MM)")
    String period;

    @Option(names = "--check", description = "only flags of this check (its name in config/quality.yml)")
    String check;

    @Option(names = "--review", defaultValue = "all", description = "open, accepted, rejected or all (default)")
    String review;

    @Option(names = "--format", defaultValue = "table", description = "table (default), csv or json")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!review.matches("open|accepted|rejected|all")) {
            throw new MizanMain.UsageException(
                    "--review must be open, accepted, rejected or all, not '" + review + "'");
        }
        if (!format.matches("table|csv|json")) {
            throw new MizanMain.UsageException("--format must be table, csv or json, not '" + format + "'");
        }
        if (period != null && !period.matches("\\d{4}(-\\d{2})?")) {
            throw new MizanMain.UsageException(
                    "--period must be a year (2024) or a month (2024-03), not '" + period + "'");
        }
        MizanHome home = MizanHome.fromEnvironment();
        QualityChecks.load(home);
        Path warehouse = new Warehouse(home).published();
        if (warehouse == null) {
            throw new MizanMain.UsageException("no warehouse published yet: load something first (mizan run …)");
        }
        List<String> values = Arrays.asList(unit, unit, period, period, check, check, review, review);
        ResultPrinter.print(
                ReadOnlyQuery.run(warehouse, SqlFiles.text("queries/quality_flags.sql"), values),
                format,
                spec.commandLine().getOut());
        return MizanMain.OK;
    }
}
