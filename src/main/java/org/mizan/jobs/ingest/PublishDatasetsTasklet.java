package org.mizan.jobs.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mizan.approval.LoadLock;
import org.mizan.config.Folders;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;
import org.mizan.steward.RunReport;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The publish step of a load staged by {@link MultiDatasetStagingWriter}: commits each dataset's staged files
 * for the file's unit (one journaled commit per dataset, all under one hold of the lake's lock), so the same
 * file delivered again replaces its rows in every dataset and nothing else. Each dataset's list of staged files
 * is removed once it is committed, so a rerun after a crash between two commits commits only the ones left.
 */
public class PublishDatasetsTasklet implements Tasklet {

    private final IngestContext context;
    private final List<Dataset> datasets;

    private final JobRepository repository;

    private final LoadLock lock;

    public PublishDatasetsTasklet(IngestContext context, List<Dataset> datasets, JobRepository repository) {
        this(context, datasets, repository, null);
    }

    /** With the approvals' lock: staged rows of an approved unit and period are refused (or reopen it) before the commits. */
    public PublishDatasetsTasklet(
            IngestContext context, List<Dataset> datasets, JobRepository repository, LoadLock lock) {
        this.context = context;
        this.repository = repository;
        this.datasets = datasets;
        this.lock = lock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext counts =
                PublishLakeTasklet.ingestCounts(chunkContext.getStepContext().getStepExecution(), repository);
        // the same content under another path: refused before anything else is said about its rows
        LoadIdentity identity = new LoadIdentity(context, context.lake());
        String replaces = identity.check();
        RunReport report = RunReport.read(counts.toMap());
        long accepted = report.accepted();
        long rejected = report.rejected();
        long outside = report.outsidePartition();
        if (accepted == 0 && outside == 0) {
            throw new IllegalStateException(context.file() + ": "
                    + (rejected > 0 ? "every one of its " + rejected + " records was rejected" : "holds no record")
                    + ", so the lake was left as it was. Read the reasons in " + context.quarantineFile() + ".");
        }
        if (lock != null) {
            // a file never delivered before is unknown to the published warehouse: its own rows are checked here
            for (Dataset d : datasets) {
                Path manifest = MultiDatasetStagingWriter.manifestOf(context, d);
                if (Files.exists(manifest)) {
                    Path staging = MultiDatasetStagingWriter.stagingOf(context, d);
                    lock.checkStaged(
                            context.jobName(),
                            context.file(),
                            d,
                            Files.readAllLines(manifest).stream()
                                    .filter(l -> !l.isBlank())
                                    .map(l -> staging.resolve(l))
                                    .filter(Files::exists)
                                    .toList());
                }
            }
        }
        Lake lake = context.lake();
        int placed = lake.exclusive(() -> {
            lake.recover();
            if (!Files.isDirectory(context.staging())) {
                // a restart after a crash in this step: recovery has finished the commits
                return 0;
            }
            if (replaces != null) {
                chunkContext
                        .getStepContext()
                        .getStepExecution()
                        .getExecutionContext()
                        .putString(LoadIdentity.REPLACES, replaces);
            }
            int n = 0;
            for (Dataset d : datasets) {
                Path manifest = MultiDatasetStagingWriter.manifestOf(context, d);
                if (!Files.exists(manifest)) {
                    // committed by an earlier attempt of this step (its list is removed right after its commit)
                    continue;
                }
                // the list, not the folder: files a recovered commit already moved are still the load's files
                List<Path> staged = Files.readAllLines(manifest).stream()
                        .filter(l -> !l.isBlank())
                        .map(Path::of)
                        .toList();
                long replaced = ReplacedRecords.count(lake, d, context);
                n += lake.commit(
                                d,
                                context.unit(),
                                context.partition(),
                                MultiDatasetStagingWriter.stagingOf(context, d),
                                staged)
                        .size();
                RunReport.putReplaced(
                        chunkContext.getStepContext().getStepExecution().getExecutionContext(), d, replaced);
                Files.delete(manifest);
            }
            identity.record();
            Folders.deleteTree(context.staging());
            return n;
        });
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putInt("lake_files", placed);
        return RepeatStatus.FINISHED;
    }
}
