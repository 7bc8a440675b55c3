package org.mizan.jobs.ingest;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import org.mizan.steward.DetachedSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The partitions of a run on workers of their own ({@link RemotePartitioning}): one is live while its worker beats
 * ({@link PartitionHeartbeats}) within {@code mizan.workers.dead-after}. A manager killed while workers run leaves
 * them running; the stale-run marking leaves their partitions to them, and the rerun first waits here for the live
 * ones to end (what they complete counts, and none runs twice at once) and marks FAILED those whose worker is gone
 * or that no worker took, which the rerun then sends again.
 */
final class DetachedPartitions implements DetachedSteps {

    private static final Logger LOG = LoggerFactory.getLogger(DetachedPartitions.class);

    private final JobRepository repository;
    private final PartitionHeartbeats heartbeats;
    private final Duration deadAfter;
    private final Duration poll;

    DetachedPartitions(JobRepository repository, PartitionHeartbeats heartbeats, Duration deadAfter, Duration poll) {
        this.repository = repository;
        this.heartbeats = heartbeats;
        this.deadAfter = deadAfter;
        this.poll = poll;
    }

    static boolean isPartition(StepExecution s) {
        return s.getStepName().startsWith(PartitionIngestStep.NAME + ":");
    }

    @Override
    public boolean live(StepExecution step) {
        return isPartition(step) && live(heartbeats.beats().get(step.getId()));
    }

    private boolean live(PartitionHeartbeats.Beat beat) {
        return beat != null && beat.age().compareTo(deadAfter) <= 0;
    }

    @Override
    public void settle(JobExecution execution, PrintWriter err) throws InterruptedException {
        boolean told = false;
        while (true) {
            // the beats first: a worker lists its files, then ends its beat, so no beat and no list means it is gone
            Map<Long, PartitionHeartbeats.Beat> beats = heartbeats.beats();
            int live = 0;
            for (JobExecution e : repository.getJobExecutions(execution.getJobInstance())) {
                for (StepExecution s : e.getStepExecutions()) {
                    boolean unsettled = s.getStatus().isRunning()
                            || s.getStatus() == BatchStatus.COMPLETED && !PartitionIngestStep.listed(s);
                    if (!isPartition(s) || !unsettled) {
                        continue;
                    }
                    if (live(beats.get(s.getId()))) {
                        live++;
                    } else if (!RemotePartitioning.fail(repository, s, why(s))) {
                        live++; // its worker changed it meanwhile (took it from the queue): look again
                    }
                }
            }
            if (live == 0) {
                return;
            }
            if (!told) {
                LOG.info(
                        "rerun of execution {}: {} partition(s) of it still run on workers: waiting for them to end",
                        execution.getId(),
                        live);
                err.println("mizan: " + live + " partition(s) of execution " + execution.getId()
                        + " still run on workers: waiting for them before sending the unfinished ones again");
                err.flush();
                told = true;
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private static String why(StepExecution s) {
        if (s.getStatus() == BatchStatus.STARTING) {
            return "no worker took it before the run's manager stopped; sent again by the rerun";
        }
        if (s.getStatus() == BatchStatus.COMPLETED) {
            return "its worker stopped after the partition's end and before listing its staged files;"
                    + " sent again by the rerun";
        }
        return "its worker stopped beating while the run's manager was gone; sent again by the rerun";
    }
}
