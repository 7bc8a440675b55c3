package org.mizan.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.mizan.jobs.JobCatalogue;
import org.mizan.steward.Executions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mizan history [--job J] [--since D]}: every execution with its outcome and counts, newest first. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        header = "Lists job executions, newest first.",
        description = {
            "Lists job executions, newest first: state, start, duration, rows read / accepted / rejected, file.",
            "Then: mizan show <execution> for its steps and failure reason, mizan rejects <execution> for its rejected rows.",
            "Example: mizan history --job ingest-remittances --since 2024-03-01"
        })
public class HistoryCommand implements Callable<Integer> {

    @Option(names = "--job", description = "only this job (${bundle:" + JobHelp.SPOKEN + "})")
    String job;

    @Option(
            names = "--since",
            description = "only executions created on or after this day (YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM)")
    String since;

    @Option(names = "--limit", defaultValue = "50", description = "at most this many (default 50)")
    int limit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LocalDateTime from = parseSince(since);
        if (job != null) {
            JobCatalogue.standard().require(job);
        }
        try (JobRunner runner = new JobRunner(spec.commandLine().getErr())) {
            ExecutionTable.print(
                    Executions.list(runner.repository(), job, from, limit),
                    spec.commandLine().getOut());
        }
        return MizanMain.OK;
    }

    static LocalDateTime parseSince(String since) {
        return parseDay("--since", since);
    }

    /** A day or time given to {@code option}; a usage error naming the option otherwise. */
    static LocalDateTime parseDay(String option, String since) {
        if (since == null) {
            return null;
        }
        try {
            return since.contains("T")
                    ? LocalDateTime.parse(since)
                    : LocalDate.parse(since).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new MizanMain.UsageException(
                    option + " '" + since + "' is not a day (2024-03-01) or a time (2024-03-01T02:00)");
        }
    }
}
