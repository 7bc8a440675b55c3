package org.mizan.steward;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.mizan.config.MizanHome;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Records on each run which process runs it (so that a run whose process is gone can be recognised), and raises
 * an alert when a run fails, naming the job, the execution, the file and the reason.
 */
public class RunRecorder implements JobExecutionListener {

    static final String PID = "mizan.pid";
    static final String HOST = "mizan.host";

    private final JobRepository repository;
    private final Alerts alerts;
    private final MizanHome home;

    public RunRecorder(JobRepository repository, MizanHome home, String webhook) {
        this.repository = repository;
        this.alerts = new Alerts(home.root().resolve("alerts.log"), webhook);
        this.home = home;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        execution.getExecutionContext().putLong(PID, ProcessHandle.current().pid());
        execution.getExecutionContext().putString(HOST, host());
        repository.updateExecutionContext(execution);
        String file = execution.getJobParameters().getString("file");
        org.mizan.config.HomeLock.note(
                home,
                "run " + execution.getId() + " (" + execution.getJobInstance().getJobName()
                        + (file == null ? "" : " " + file) + ")");
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.FAILED) {
            String file = execution.getJobParameters().getString("file");
            alerts.raise("FAILED " + execution.getJobInstance().getJobName() + " execution " + execution.getId()
                    + (file == null ? "" : " file " + file) + ": " + FailureReasons.of(execution));
        }
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
