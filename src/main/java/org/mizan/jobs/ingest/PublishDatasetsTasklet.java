package org.mizan.jobs.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The publish step of a load staged by {@link MultiDatasetStagingWriter}: commits each dataset's staged files
 * for the file's unit (one journaled commit per dataset, all under one hold of the lake's lock), so the same
 * file delivered again replaces its rows in every dataset and nothing else.
 */
public class PublishDatasetsTasklet implements Tasklet {

    private final IngestContext context;
    private final List<Dataset> datasets;

    public PublishDatasetsTasklet(IngestContext context, List<Dataset> datasets) {
        this.context = context;
        this.datasets = datasets;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext counts = PublishLakeTasklet.ingestCounts(chunkContext.getStepContext().getStepExecution());
        long accepted = counts.getLong(LakeStagingWriter.ACCEPTED, 0);
        long rejected = counts.getLong(LakeStagingWriter.REJECTED, 0);
        if (accepted == 0) {
            throw new IllegalStateException(context.file() + ": " + (rejected > 0 ? "every one of its " + rejected + " records was rejected"
                    : "holds no record") + ", so the lake was left as it was. Read the reasons in " + context.quarantineFile() + ".");
        }
        Lake lake = context.lake();
        int placed = lake.exclusive(() -> {
            lake.recover();
            if (!Files.isDirectory(context.staging())) {
                // a restart after a crash in this step: recovery has finished the commits
                return 0;
            }
            int n = 0;
            for (Dataset d : datasets) {
                Path staging = MultiDatasetStagingWriter.stagingOf(context, d);
                List<Path> staged = new ArrayList<>();
                if (Files.isDirectory(staging)) {
                    try (Stream<Path> s = Files.walk(staging)) {
                        staged = s.filter(p -> p.toString().endsWith(".parquet")).map(staging::relativize).toList();
                    }
                }
                n += lake.commit(d, context.unit(), staging, staged).size();
            }
            LakeStagingWriter.deleteRecursively(context.staging());
            return n;
        });
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putInt("lake_files", placed);
        return RepeatStatus.FINISHED;
    }
}
