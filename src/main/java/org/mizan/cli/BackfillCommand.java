package org.mizan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mizan.config.MizanHome;
import org.mizan.jobs.DefaultMappings;
import org.mizan.schedule.InboxLoads;
import org.mizan.schedule.Schedule;
import org.mizan.schedule.Schedules;
import org.mizan.steward.BackfillPlanner;
import org.mizan.steward.Launches;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mizan backfill --job J --source S --from P1 --to P2}: (re)loads a range of partitions, one at a time, resumably. */
@Command(
        name = "backfill",
        mixinStandardHelpOptions = true,
        header = "Loads a source's partitions over a range of periods.",
        description = {
            "Loads the partitions of one source from period P1 to P2, one partition at a time, from every file",
            "delivered for that source: the files its earlier loads read (paths and mappings from the job repository)",
            "and the files in its schedule's inbox. Each partition replaces exactly that partition in the lake.",
            "Resumable: if it stops (a failure, a kill), run the same command again: partitions it completed are",
            "skipped and the one it stopped in resumes at its last checkpoint. The result is the same as one clean run.",
            "Example: mizan backfill --job ingest-remittances --source MTO-017 --from 2024-01 --to 2024-06"
        })
public class BackfillCommand implements Callable<Integer> {

    @Option(names = "--job", required = true, description = "${bundle:" + JobHelp.PARTITION_JOBS + "}")
    String job;

    @Option(
            names = "--source",
            required = true,
            description = "the source, as in the lake and mizan status (e.g. MTO-017)")
    String source;

    @Option(names = "--from", required = true, paramLabel = "P1", description = "first period (2024-01, or 2024-Q1)")
    String from;

    @Option(names = "--to", required = true, paramLabel = "P2", description = "last period, included")
    String to;

    @CommandLine.Mixin
    ReopenOption reopen = new ReopenOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MizanHome home = MizanHome.fromEnvironment();
        org.mizan.quality.QualityChecks.load(home); // a mistake there: exit 2 before any work
        BackfillPlanner planner = BackfillPlanner.of(home);
        BackfillPlanner.Backfill plan = planner.backfill(job, source, from, to);
        PrintWriter out = spec.commandLine().getOut();
        try (JobRunner runner = JobRunner.forLoad(spec.commandLine().getErr(), "backfill")) {
            reopen.arm(runner);
            plan = planner.withFiles(plan, source, runner.launches(), inbox(home));
            out.printf(
                    "backfill of %s source %s, %s to %s: %d period(s) × %d file(s)%n",
                    job,
                    plan.source(),
                    from,
                    to,
                    plan.periods().size(),
                    plan.files().size());
            int step = 0;
            int done = 0;
            for (String period : plan.periods()) {
                for (Map.Entry<Path, String> f : plan.files().entrySet()) {
                    step++;
                    Launches.Launch l = runner.launches()
                            .startOrResume(
                                    job,
                                    f.getKey(),
                                    f.getValue(),
                                    Map.of("period", period, "source", plan.source(), "backfill", plan.series()));
                    JobExecution e = l.execution();
                    if (l.alreadyComplete()) {
                        out.printf(
                                "[%d/%d] %s %s: done before (execution %d)%n",
                                step, plan.total(), period, f.getKey().getFileName(), e.getId());
                        continue;
                    }
                    ReopenOption.rethrowRefusal(e);
                    out.printf(
                            "[%d/%d] %s %s:%n",
                            step, plan.total(), period, f.getKey().getFileName());
                    RunSummary.print(e, f.getValue(), out);
                    if (e.getStatus() != BatchStatus.COMPLETED) {
                        out.printf(
                                "backfill stopped at period %s, file %s (execution %d). Fix the cause (mizan show %d), then run the"
                                        + " same backfill command again: the %d partition load(s) done are skipped and this one resumes.%n",
                                period, f.getKey(), e.getId(), e.getId(), step - 1);
                        return MizanMain.FAILED;
                    }
                    done++;
                }
            }
            reopen.report(runner, out);
            out.printf("backfill complete: %d partition load(s) run now, %d done before%n", done, plan.total() - done);
        }
        return MizanMain.OK;
    }

    /** The files a fire of the source's schedules would take: their globs, and no file still being written. */
    private Map<Path, String> inbox(MizanHome home) throws java.io.IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        for (Schedule s : Schedules.load(home)) {
            if (s.job().equals(job) && s.source().equalsIgnoreCase(source) && Files.isDirectory(s.inbox())) {
                for (Path f : InboxLoads.pending(s)) {
                    files.putIfAbsent(
                            f.toAbsolutePath().normalize(),
                            s.mapping() != null ? s.mapping() : DefaultMappings.detect(job, f));
                }
            }
        }
        return files;
    }
}
