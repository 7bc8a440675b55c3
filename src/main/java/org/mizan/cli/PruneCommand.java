package org.mizan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import org.mizan.config.MizanHome;
import org.mizan.steward.PruneService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mizan prune --older-than D}: forgets finished runs older than a day, with their quarantine files. */
@Command(
        name = "prune",
        mixinStandardHelpOptions = true,
        header = "Deletes old executions and their quarantine files.",
        description = {
            "Deletes from the job repository the executions that ended before a day (completed, failed or",
            "abandoned; never a running one), the job instances left with no execution, and their quarantine files.",
            "The lake and the warehouse are not touched. Example: mizan prune --older-than 2024-01-01"
        })
public class PruneCommand implements Callable<Integer> {

    @Option(names = "--older-than", required = true, description = "a day (YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM)")
    String olderThan;

    @Option(names = "--dry-run", description = "only list what would be deleted")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LocalDateTime before = HistoryCommand.parseDay("--older-than", olderThan);
        PrintWriter out = spec.commandLine().getOut();
        PruneService.Pruned pruned;
        try (JobRunner runner = new JobRunner(spec.commandLine().getErr())) {
            pruned = runner.bean(PruneService.class)
                    .prune(
                            MizanHome.fromEnvironment(),
                            before,
                            dryRun,
                            e -> out.printf(
                                    "%s execution %d (%s, ended %s)%n",
                                    dryRun ? "would delete" : "deleted",
                                    e.getId(),
                                    e.getJobInstance().getJobName(),
                                    e.getEndTime().withNano(0)));
        }
        out.printf(
                "%s %d execution(s) and %d quarantine file(s) older than %s%n",
                dryRun ? "would prune" : "pruned", pruned.executions(), pruned.quarantines(), before);
        return MizanMain.OK;
    }
}
