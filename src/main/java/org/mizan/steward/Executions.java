package org.mizan.steward;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/** The job executions in the repository, newest first, optionally of one job and since a time. */
public final class Executions {

    private Executions() {}

    public static List<JobExecution> list(JobRepository repository, String job, LocalDateTime since, int limit) {
        List<JobExecution> all = new ArrayList<>();
        for (String name : repository.getJobNames()) {
            if (job != null && !job.equals(name)) {
                continue;
            }
            for (JobInstance instance : repository.getJobInstances(name, 0, Integer.MAX_VALUE)) {
                for (JobExecution e : repository.getJobExecutions(instance)) {
                    if (since == null
                            || (e.getCreateTime() != null && !e.getCreateTime().isBefore(since))) {
                        all.add(e);
                    }
                }
            }
        }
        all.sort(Comparator.comparing(JobExecution::getId).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }
}
