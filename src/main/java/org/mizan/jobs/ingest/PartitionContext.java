package org.mizan.jobs.ingest;

import java.nio.file.Path;
import org.mizan.config.MizanHome;

/**
 * The context of one partition of a partitioned ingest ({@link IngestPartitions}): its own staging folder and
 * quarantine file inside the run's staging folder, which the run's manager gathers once every partition is done.
 */
public class PartitionContext extends IngestContext {

    private final String part;

    public PartitionContext(MizanHome home, String file, String mapping, String jobName, long runId, String part) {
        super(home, file, mapping, jobName, runId);
        this.part = part;
    }

    @Override
    public Path staging() {
        return partStaging(home(), jobName(), runId(), part);
    }

    @Override
    public Path quarantineFile() {
        return partQuarantine(home(), jobName(), runId(), part);
    }

    static Path partStaging(MizanHome home, String jobName, long runId, String part) {
        return stagingOf(home, jobName, runId).resolve("parts").resolve(part);
    }

    static Path partQuarantine(MizanHome home, String jobName, long runId, String part) {
        return stagingOf(home, jobName, runId).resolve("rejects").resolve(part + ".rejects.csv");
    }
}
