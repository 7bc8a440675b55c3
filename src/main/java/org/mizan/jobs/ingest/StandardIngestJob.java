package org.mizan.jobs.ingest;

import org.mizan.steward.RunRecorder;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The standard three-step ingest job: read and check the file into staging ({@code ingestStep}), publish it to the
 * lake ({@code publishLakeStep}), rebuild the warehouse ({@code buildWarehouseStep}), every run recorded for the
 * steward. A job package that loads one file through its mapping declares its job with {@link #named}.
 */
@Component
public class StandardIngestJob {

    private final JobRepository repository;
    private final RunRecorder runRecorder;
    private final Step ingest;
    private final Step publish;
    private final Step build;

    public StandardIngestJob(
            JobRepository repository,
            RunRecorder runRecorder,
            @Qualifier("ingestStep") Step ingest,
            @Qualifier("publishLakeStep") Step publish,
            @Qualifier("buildWarehouseStep") Step build) {
        this.repository = repository;
        this.runRecorder = runRecorder;
        this.ingest = ingest;
        this.publish = publish;
        this.build = build;
    }

    /** The job {@code name} made of the three steps. */
    public Job named(String name) {
        return named(name, ingest, publish);
    }

    /**
     * The job {@code name} with its own ingest and publish steps (a job that reads some formats itself, as
     * {@code ingest-ledgers} reads IATI XML) and the shared warehouse build, every run recorded.
     */
    public Job named(String name, Step ingest, Step publish) {
        return new JobBuilder(name, repository)
                .listener(runRecorder)
                .start(ingest)
                .next(publish)
                .next(build)
                .build();
    }
}
