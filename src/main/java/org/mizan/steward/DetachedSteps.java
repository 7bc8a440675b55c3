package org.mizan.steward;

import java.io.PrintWriter;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Steps of a run that go on in processes of their own (remote partitions on workers): when the process that ran
 * the run is gone, {@link StaleRuns} marks the run FAILED but leaves these running while their own process lives,
 * and a rerun first waits for them, so that none runs twice at once and what they complete counts.
 */
public interface DetachedSteps {

    /** Whether the step is still running (or still finishing) in a live process of its own. */
    boolean live(StepExecution step);

    /**
     * Before a rerun of the execution: waits for its steps still live in processes of their own to end, and marks
     * FAILED those whose process is gone or that no process took, so that the rerun runs them again. Notices go to
     * {@code err}.
     */
    void settle(JobExecution execution, PrintWriter err) throws InterruptedException;
}
