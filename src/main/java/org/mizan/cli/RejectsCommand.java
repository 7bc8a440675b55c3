package org.mizan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mizan.jobs.ingest.QuarantineReader;
import org.mizan.steward.RunReport;
import org.mizan.warehouse.ReadOnlyQuery;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mizan rejects <execution> [--rule R]}: the rows a run rejected, with file, line, rule and message. */
@Command(
        name = "rejects",
        mixinStandardHelpOptions = true,
        header = "Lists the rows an execution rejected, with file, line and rule.",
        description = {
            "Lists the rows an execution rejected: file, line, rule and message (--format csv adds the raw",
            "line, for a provider to correct). Rules are listed in jobs/README.md.",
            "Example: mizan rejects 12 --rule unknown_unit --format csv > unknown-units.csv"
        })
public class RejectsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXECUTION", description = "the execution id (mizan history lists them)")
    long id;

    @Option(names = "--rule", description = "only rows rejected by this rule (e.g. unknown_unit)")
    String rule;

    @Option(names = "--format", defaultValue = "table", description = "table (default) or csv")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!format.matches("table|csv")) {
            throw new MizanMain.UsageException("--format must be table or csv, not '" + format + "'");
        }
        if (rule != null
                && java.util.Arrays.stream(org.mizan.normalise.Rule.values())
                        .noneMatch(r -> r.code().equals(rule))) {
            throw new MizanMain.UsageException("no rule '" + rule + "': choose one of "
                    + java.util.Arrays.stream(org.mizan.normalise.Rule.values())
                            .map(org.mizan.normalise.Rule::code)
                            .toList());
        }
        PrintWriter out = spec.commandLine().getOut();
        Path quarantine;
        try (JobRunner runner = new JobRunner(spec.commandLine().getErr())) {
            JobExecution e = runner.requireExecution(id);
            String file = RunReport.of(e).quarantine();
            quarantine = file == null ? null : Path.of(file);
        }
        if (quarantine == null || !Files.exists(quarantine)) {
            if ("csv".equals(format)) {
                out.println(QuarantineReader.HEADER);
            } else {
                out.println("execution " + id + " rejected no row");
            }
            return MizanMain.OK;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> r : QuarantineReader.read(quarantine, StandardCharsets.UTF_8)) {
            if (rule == null || rule.equals(r.get(2))) {
                rows.add(new ArrayList<>("csv".equals(format) ? r : r.subList(0, 4)));
            }
        }
        List<String> columns = "csv".equals(format)
                ? List.of(QuarantineReader.HEADER.split(","))
                : List.of("source_file", "line", "rule", "message");
        ResultPrinter.print(new ReadOnlyQuery.Result(columns, rows), format, out);
        return MizanMain.OK;
    }
}
