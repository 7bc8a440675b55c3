package org.mizan.jobs.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mizan.config.Folders;
import org.mizan.config.MizanHome;
import org.mizan.lake.ConcurrentDuplicates;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;
import org.mizan.steward.RunReport;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The publish step of a partitioned ingest, run once by the manager after every partition completed and
 * {@link PartitionResults} joined them: each delivered file is committed to the lake as its own unit of load,
 * exactly as a single-node load of it commits (its partitions' staged files gathered under the unit's names, the
 * same identity check and record, the same journaled commit), all under one hold of the lake's lock. A file whose
 * every row was rejected fails the run before anything is committed. A file committed is marked in the run's
 * staging folder, so a rerun after a cut commits only the files left.
 */
public class PublishPartitionsTasklet implements Tasklet {

    private final MizanHome home;
    private final JobRepository repository;

    public PublishPartitionsTasklet(MizanHome home, JobRepository repository) {
        this.home = home;
        this.repository = repository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext counts = PublishLakeTasklet.ingestCounts(step, repository);
        String jobName = step.getJobExecution().getJobInstance().getJobName();
        long runId = step.getJobExecution().getJobInstance().getInstanceId();
        List<IngestPartitions.Part> plan = PartitionedIngestSteps.partitions(
                        step.getJobExecution().getJobParameters())
                .plan();
        List<IngestContext> files = new ArrayList<>();
        for (IngestPartitions.Part p : plan) {
            if (p.fileIndex() == files.size()) {
                files.add(new IngestContext(home, p.file().toString(), p.mapping(), jobName, runId));
            }
        }
        List<LoadIdentity> identities = new ArrayList<>();
        List<String> replaces = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            IngestContext file = files.get(i);
            LoadIdentity identity = new LoadIdentity(file, file.lake());
            String r = identity.check();
            if (r != null && !committed(file, i)) { // a file committed before a cut: its own record is no earlier load
                replaces.add(r);
            }
            identities.add(identity);
            if (counts.getLong(PartitionResults.FILE_ACCEPTED + i, 0) == 0 && !published(file, i)) {
                throw new IllegalStateException(
                        file.file() + ": none of its rows was accepted, so nothing of this delivery was"
                                + " put in the lake"
                                + (counts.containsKey(RunReport.QUARANTINE)
                                        ? ". Read the reasons in " + counts.getString(RunReport.QUARANTINE)
                                        : "")
                                + " (is this the right mapping and is the gazetteer loaded?)");
            }
        }
        Lake lake = files.get(0).lake();
        int placed = lake.exclusive(() -> {
            lake.recover();
            int n = 0;
            for (int i = 0; i < files.size(); i++) {
                IngestContext file = files.get(i);
                if (published(file, i)) {
                    continue;
                }
                Path units = IngestContext.stagingOf(home, jobName, runId)
                        .resolve("units")
                        .resolve(String.valueOf(i));
                List<Path> staged = gather(file, step.getJobExecution(), plan, i, units);
                if (!staged.isEmpty() && staged.stream().noneMatch(f -> Files.exists(units.resolve(f)))) {
                    // a cut after this file's commit (recovered above if it was cut short) and before its marker: its
                    // files are in the lake; committing nothing now would take its rows out again
                    identities.get(i).record();
                    Files.createDirectories(marker(file, i).getParent());
                    Files.writeString(marker(file, i), file.unit());
                    continue;
                }
                if (file.dataset() == Dataset.REMITTANCE_TRANSACTIONS) {
                    var found = ConcurrentDuplicates.check(
                            lake,
                            file.unit(),
                            0,
                            staged.stream().map(units::resolve).toList());
                    if (found.count() > 0) {
                        throw new IllegalStateException(
                                file.file() + ": " + found.count() + " of its transactions (the first on line "
                                        + found.firstLine() + ") were loaded from " + found.otherFile()
                                        + " by a load that ran at the same time,"
                                        + " so they were not put in the lake. Run the delivery again: those rows will be rejected as"
                                        + " duplicate_loaded and the others loaded.");
                    }
                }
                n += lake.commit(file.dataset(), file.unit(), null, units, staged)
                        .size();
                // for the crash test: committed, neither recorded nor marked (MIZAN_CRASH_AT=published:<file number>)
                CrashPoint.reached("published", i + 1, home.root());
                identities.get(i).record();
                Files.createDirectories(marker(file, i).getParent());
                Files.writeString(marker(file, i), file.unit());
            }
            Folders.deleteTree(IngestContext.stagingOf(home, jobName, runId));
            return n;
        });
        step.getExecutionContext().putInt("lake_files", placed);
        if (!replaces.isEmpty()) {
            step.getExecutionContext().putString(LoadIdentity.REPLACES, String.join("; ", replaces));
        }
        return RepeatStatus.FINISHED;
    }

    private static Path marker(IngestContext file, int i) {
        return file.staging().resolve("published").resolve(String.valueOf(i));
    }

    private static boolean published(IngestContext file, int i) {
        return Files.exists(marker(file, i));
    }

    /** Whether the file's staged files were all moved into the lake by an earlier attempt (its marker may be missing). */
    private boolean committed(IngestContext file, int i) throws IOException {
        if (published(file, i)) {
            return true;
        }
        Path units = IngestContext.stagingOf(home, file.jobName(), file.runId())
                .resolve("units")
                .resolve(String.valueOf(i));
        Path list = units.resolveSibling(i + ".moves");
        if (!Files.exists(list)) {
            return false;
        }
        List<String> moves =
                Files.readAllLines(list).stream().filter(m -> !m.isBlank()).toList();
        return !moves.isEmpty()
                && moves.stream()
                        .noneMatch(m -> Files.exists(Path.of(m.split("\t")[0]))
                                || Files.exists(units.resolve(m.split("\t")[1])));
    }

    /**
     * Moves the staged files of the file's partitions into one folder under the unit's file names, part numbers
     * following partition order; the moves are listed first, so a cut between two is finished by a rerun.
     */
    private List<Path> gather(
            IngestContext file,
            org.springframework.batch.core.job.JobExecution job,
            List<IngestPartitions.Part> plan,
            int fileIndex,
            Path units)
            throws IOException {
        Path list = units.resolveSibling(fileIndex + ".moves");
        if (!Files.exists(list)) {
            List<String> moves = new ArrayList<>();
            Map<Path, Integer> parts = new HashMap<>();
            for (IngestPartitions.Part p : plan) {
                if (p.fileIndex() != fileIndex) {
                    continue;
                }
                Path dir = PartitionContext.partStaging(home, file.jobName(), file.runId(), p.name());
                StepExecution done = repository.getLastStepExecution(
                        job.getJobInstance(), PartitionIngestStep.NAME + ":" + p.name());
                if (done == null) {
                    throw new IllegalStateException("partition " + p.name() + " of run " + file.runId()
                            + " has no step in the job repository: rerun the run");
                }
                // what the partition listed as finished before its end was recorded (PartitionIngestStep)
                List<Path> staged = PartitionIngestStep.staged(home, file.jobName(), file.runId(), p, done).stream()
                        .map(dir::relativize)
                        .toList();
                for (Path rel : staged) {
                    Path folder = rel.getParent();
                    int n = parts.merge(folder, 1, Integer::sum);
                    moves.add(dir.resolve(rel) + "\t" + folder.resolve(Lake.unitFileName(file.unit(), n)));
                }
            }
            Files.createDirectories(units);
            Path tmp = list.resolveSibling(list.getFileName() + ".tmp");
            Files.write(tmp, moves);
            Files.move(tmp, list, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        List<Path> staged = new ArrayList<>();
        for (String m : Files.readAllLines(list)) {
            if (m.isBlank()) {
                continue;
            }
            String[] f = m.split("\t");
            Path from = Path.of(f[0]);
            Path to = units.resolve(f[1]);
            if (Files.exists(from)) {
                Files.createDirectories(to.getParent());
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            staged.add(Path.of(f[1]));
        }
        return staged;
    }
}
