package org.mizan.steward;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** A failed run's reason in plain words: the innermost message of each failure, not a stack trace. */
public final class FailureReasons {

    private FailureReasons() {}

    public static String of(JobExecution execution) {
        Set<String> reasons = new LinkedHashSet<>();
        for (Throwable t : execution.getAllFailureExceptions()) {
            reasons.add(root(t));
        }
        if (reasons.isEmpty()) {
            String description = execution.getExitStatus().getExitDescription();
            for (StepExecution step : execution.getStepExecutions()) {
                if (!step.getExitStatus().getExitDescription().isBlank()) {
                    description = step.getExitStatus().getExitDescription();
                }
            }
            reasons.add(firstLine(description));
        }
        return String.join("; ", reasons);
    }

    private static String root(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return firstLine(message);
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "no reason recorded";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
