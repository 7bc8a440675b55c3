package org.mizan.steward;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Finds runs the repository still calls running whose process on this machine is gone (killed, crashed, the
 * machine restarted) and marks them FAILED, with the reason, so that they can be rerun or abandoned. Steps that run
 * in a live process of their own ({@link DetachedSteps}: a remote partition whose worker still beats) are left
 * running: failing them under their worker would break it; the run's rerun waits for them.
 */
public final class StaleRuns {

    private final JobRepository repository;
    private final DetachedSteps detached;

    public StaleRuns(JobRepository repository) {
        this(repository, null);
    }

    /** @param detached the steps that may outlive their run's process, or null where none can */
    public StaleRuns(JobRepository repository, DetachedSteps detached) {
        this.repository = repository;
        this.detached = detached;
    }

    /**
     * Why the run is dead, or null while it may be alive: its process on this machine is gone; or it never
     * recorded a process at all, which a run does within milliseconds of starting, and was created over a
     * minute ago (killed between being created and starting).
     */
    private static String whyDead(JobExecution e, String host) {
        var ctx = e.getExecutionContext();
        if (!ctx.containsKey(RunRecorder.PID)) {
            boolean old = e.getCreateTime() != null
                    && e.getCreateTime().isBefore(LocalDateTime.now().minusMinutes(1));
            return old
                    ? "it never started: its process stopped between creating and starting it. Rerun it, or abandon it"
                    : null;
        }
        if (!host.equals(ctx.getString(RunRecorder.HOST, ""))) {
            return null;
        }
        long pid = ctx.getLong(RunRecorder.PID);
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return null;
        }
        return "the process that ran it (pid " + pid + " on " + host
                + ") is gone: it was killed or crashed. Rerun it, or abandon it";
    }

    /** The executions just marked FAILED. */
    public List<JobExecution> markFailed() {
        List<JobExecution> marked = new ArrayList<>();
        String host = RunRecorder.host();
        for (String job : repository.getJobNames()) {
            for (JobExecution e : repository.findRunningJobExecutions(job)) {
                String why = whyDead(e, host);
                if (why == null) {
                    continue;
                }
                LocalDateTime now = LocalDateTime.now();
                for (StepExecution step : e.getStepExecutions()) {
                    if (!step.getStatus().isRunning() || detached != null && detached.live(step)) {
                        continue;
                    }
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
                    step.setEndTime(now);
                    try {
                        repository.update(step);
                    } catch (org.springframework.dao.OptimisticLockingFailureException changed) {
                        // a worker took it meanwhile (a partition waiting in the queue): the run's rerun settles it
                    }
                }
                e.setStatus(BatchStatus.FAILED);
                e.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
                e.setEndTime(now);
                repository.update(e);
                marked.add(e);
            }
        }
        return marked;
    }
}
