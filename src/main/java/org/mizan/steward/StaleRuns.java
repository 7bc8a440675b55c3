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
 * machine restarted) and marks them FAILED, with the reason, so that they can be rerun or abandoned.
 */
public final class StaleRuns {

    private final JobRepository repository;

    public StaleRuns(JobRepository repository) {
        this.repository = repository;
    }

    /** The executions just marked FAILED. */
    public List<JobExecution> markFailed() {
        List<JobExecution> marked = new ArrayList<>();
        String host = RunRecorder.host();
        for (String job : repository.getJobNames()) {
            for (JobExecution e : repository.findRunningJobExecutions(job)) {
                var ctx = e.getExecutionContext();
                if (!ctx.containsKey(RunRecorder.PID) || !host.equals(ctx.getString(RunRecorder.HOST, ""))) {
                    continue;
                }
                long pid = ctx.getLong(RunRecorder.PID);
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                String why = "the process that ran it (pid " + pid + " on " + host + ") is gone: it was killed or crashed."
                        + " Rerun it, or abandon it";
                LocalDateTime now = LocalDateTime.now();
                for (StepExecution step : e.getStepExecutions()) {
                    if (step.getStatus().isRunning()) {
                        step.setStatus(BatchStatus.FAILED);
                        step.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
                        step.setEndTime(now);
                        repository.update(step);
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
