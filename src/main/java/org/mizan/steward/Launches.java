package org.mizan.steward;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mizan.approval.LoadLock;
import org.mizan.jobs.JobCatalogue;
import org.mizan.lake.Lake;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts Mizan's jobs on delivered files: for a command, a schedule's inbox, a steward's partition rerun and a
 * backfill. Every launch names its file and mapping; a partition launch adds {@code period} and {@code source}.
 */
@Component
public class Launches {

    private final JobRepository repository;
    private final JobOperator operator;
    private final LoadLock lock;
    private final JobCatalogue catalogue;
    private final ObjectProvider<Job> jobs;

    public Launches(
            JobRepository repository,
            JobOperator operator,
            LoadLock lock,
            JobCatalogue catalogue,
            ObjectProvider<Job> jobs) {
        this.repository = repository;
        this.operator = operator;
        this.lock = lock;
        this.catalogue = catalogue;
        this.jobs = jobs;
    }

    /** A delivered file a completed load read, with the mapping it was read with. */
    public record Delivered(Path file, String mapping, JobExecution execution) {}

    /** What a launch did: the execution it ran, or the completed one it found and left alone. */
    public record Launch(JobExecution execution, boolean alreadyComplete) {}

    /** Loads a file as a new delivery (a new job instance, even for a file loaded before). */
    public JobExecution load(String job, Path file, String mapping, Map<String, String> extra) throws Exception {
        lock.check(job, file, extra); // refused before any work when an approval covers what it would replace
        JobParametersBuilder b = parameters(file, mapping, extra).addLong("delivery", System.currentTimeMillis());
        return operator.start(job(job), b.toJobParameters());
    }

    /**
     * Loads the files of a delivery as one partitioned run of the job (its descriptor names its
     * {@link org.mizan.jobs.JobDescriptor#partitionedJob() partitioned job}): each file a partition, a file above
     * {@code partitionBytes} several; on this machine's threads, or on workers when {@code remote}.
     */
    public JobExecution loadPartitioned(
            String job, List<Path> files, List<String> mappings, long partitionBytes, boolean remote) throws Exception {
        String partitioned = catalogue
                .require(job)
                .partitionedJob()
                .orElseThrow(() -> new IllegalArgumentException(
                        "job " + job + " loads one file a run; " + catalogue.partitionedJobs() + " load several"));
        for (Path f : files) {
            lock.check(job, f, Map.of());
        }
        JobParametersBuilder b = parameters(files.get(0), mappings.get(0), Map.of())
                .addString(
                        org.mizan.jobs.ingest.PartitionedIngestSteps.FILES,
                        String.join(
                                "\n",
                                files.stream()
                                        .map(f -> f.toAbsolutePath().normalize().toString())
                                        .toList()))
                .addString(org.mizan.jobs.ingest.PartitionedIngestSteps.MAPPINGS, String.join("\n", mappings))
                .addLong(org.mizan.jobs.ingest.PartitionedIngestSteps.PARTITION_BYTES, partitionBytes)
                .addString(
                        org.mizan.jobs.ingest.PartitionedIngestSteps.WORKERS,
                        remote ? org.mizan.jobs.ingest.PartitionedIngestSteps.REMOTE : "local")
                .addLong("delivery", System.currentTimeMillis());
        return operator.start(bean(partitioned), b.toJobParameters());
    }

    /**
     * Runs a job instance identified by its parameters alone (a backfill's partition): started when new, restarted
     * from its last checkpoint when it failed or stopped, left alone when it completed.
     */
    public Launch startOrResume(String job, Path file, String mapping, Map<String, String> extra) throws Exception {
        JobParameters params = parameters(file, mapping, extra).toJobParameters();
        JobInstance instance = repository.getJobInstance(job, params);
        if (instance == null || !isComplete(instance)) {
            lock.check(job, file, extra);
        }
        if (instance == null) {
            return new Launch(operator.start(job(job), params), false);
        }
        JobExecution last = repository.getLastJobExecution(instance);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            return new Launch(last, true);
        }
        if (last != null && last.getStatus() == BatchStatus.ABANDONED) {
            throw new IllegalStateException(
                    "execution " + last.getId() + " of this partition was abandoned, so it cannot resume:"
                            + " run the backfill with --again to start it afresh");
        }
        return new Launch(repository.getJobExecution(operator.restart(last.getId())), false);
    }

    private boolean isComplete(JobInstance instance) {
        JobExecution last = repository.getLastJobExecution(instance);
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    /**
     * The files completed loads of a job read, by unit of load (see {@link Lake#unitOf}), the latest load of each;
     * the lake names a partition's units, this finds the file and mapping to read them again.
     */
    public Map<String, Delivered> delivered(String job) {
        Map<String, Delivered> byUnit = new LinkedHashMap<>();
        List<JobExecution> all = Executions.list(repository, job, null, Integer.MAX_VALUE);
        for (JobExecution e : all) { // newest first: the first seen of a unit is its latest load
            String file = e.getJobParameters().getString("file");
            if (e.getStatus() != BatchStatus.COMPLETED || file == null) {
                continue;
            }
            Path path = Path.of(file);
            byUnit.putIfAbsent(
                    Lake.unitOf(path), new Delivered(path, e.getJobParameters().getString("mapping"), e));
        }
        return byUnit;
    }

    private static JobParametersBuilder parameters(Path file, String mapping, Map<String, String> extra) {
        JobParametersBuilder b = new JobParametersBuilder()
                .addString("file", file.toAbsolutePath().normalize().toString())
                .addString("mapping", mapping);
        extra.forEach(b::addString);
        return b;
    }

    /** The catalogue's job of that name: the {@code Job} bean its package declares under the same name. */
    private Job job(String name) {
        catalogue.require(name);
        return bean(name);
    }

    /** The {@code Job} bean of that name. */
    private Job bean(String name) {
        return jobs.stream()
                .filter(j -> j.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("job '" + name
                        + "' is in the catalogue, but no Job bean has that name: its package must" + " declare one"));
    }

    public JobCatalogue catalogue() {
        return catalogue;
    }

    /**
     * At start-up: every job of the catalogue has its {@code Job} bean, and so has its partitioned job if it names
     * one (a descriptor whose name no job package declares fails here, not at its first run).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void checkCatalogue() {
        catalogue.names().forEach(this::job);
        catalogue.jobs().forEach(d -> d.partitionedJob().ifPresent(this::bean));
    }

    public JobRepository repository() {
        return repository;
    }
}
