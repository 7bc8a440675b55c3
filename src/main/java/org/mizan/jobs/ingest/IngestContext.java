package org.mizan.jobs.ingest;

import java.nio.file.Path;
import org.mizan.config.Folders;
import org.mizan.config.MizanHome;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;
import org.mizan.source.Mapping;
import org.mizan.source.MappingLoader;

/**
 * What one ingest step works on: the delivered file, its mapping and dataset, its unit of load and staging
 * folder. Step-scoped, so a class (proxied) rather than a record.
 */
public class IngestContext {

    private final MizanHome home;
    private final Path file;
    private final Mapping mapping;
    private final String unit;
    private final String jobName;
    private final long runId;
    private final String period;
    private final String source;
    private volatile long keysSnapshot;

    /** @param runId the job instance: the same for a run and its restarts, which resume its staging and quarantine */
    public IngestContext(MizanHome home, String file, String mapping, String jobName, long runId) {
        this(home, file, mapping, jobName, runId, null, null);
    }

    /**
     * A load limited to one partition when {@code period} and {@code source} are given (a steward's rerun or a
     * backfill): the file's rows of other partitions are read and checked but not staged, and the publish
     * replaces this file's rows of that partition only.
     */
    public IngestContext(
            MizanHome home, String file, String mapping, String jobName, long runId, String period, String source) {
        if ((period == null) != (source == null)) {
            throw new IllegalArgumentException(
                    "a partition needs both period and source (got period=" + period + ", source=" + source + ")");
        }
        this.period = period;
        this.source = source;
        this.home = home;
        this.file = Path.of(file).toAbsolutePath().normalize();
        this.mapping = MappingLoader.load(mapping);
        this.unit = Lake.unitOf(this.file);
        this.jobName = jobName;
        this.runId = runId;
    }

    /** The lake's commit log size when this run read the keys already loaded; 0 when unknown (a restart). */
    public long keysSnapshot() {
        return keysSnapshot;
    }

    public void keysSnapshot(long commitLogSize) {
        this.keysSnapshot = commitLogSize;
    }

    /** The partition ({@code period=…/source=…}) this load is limited to, or null for the whole file. */
    public String partition() {
        return period == null ? null : Lake.partition(period, source);
    }

    /** Whether a record of this period and source is staged by this load. */
    public boolean inScope(String recordPeriod, String recordSource) {
        return period == null || (period.equals(recordPeriod) && source.equals(recordSource));
    }

    public MizanHome home() {
        return home;
    }

    public Lake lake() {
        return new Lake(home.lake());
    }

    public Path file() {
        return file;
    }

    public Mapping mapping() {
        return mapping;
    }

    public Dataset dataset() {
        return Dataset.of(mapping.dataset());
    }

    public String unit() {
        return unit;
    }

    /** Where this run stages its Parquet files before they are moved into the lake. */
    public Path staging() {
        return stagingOf(home, jobName, runId);
    }

    /** The staging folder of a run (a job instance): kept while the run may be rerun. */
    public static Path stagingOf(MizanHome home, String jobName, long runId) {
        return home.staging(jobName, runId);
    }

    /** Removes a run's staging folder: for a run that will never be rerun (abandoned, pruned). */
    public static void discardStaging(MizanHome home, String jobName, long runId) {
        try {
            Folders.deleteTree(stagingOf(home, jobName, runId));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot remove " + stagingOf(home, jobName, runId), e);
        }
    }

    public String jobName() {
        return jobName;
    }

    /** The job instance: the same for a run and its restarts. */
    public long runId() {
        return runId;
    }

    public Path quarantineFile() {
        // named by the run and the file's name (the run already tells two files of one name apart)
        return home.quarantine()
                .resolve(jobName)
                .resolve(runId + "_" + file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_")
                        + ".rejects.csv");
    }
}
