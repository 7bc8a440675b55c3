package org.mizan.schedule;

import java.util.List;
import java.util.stream.Collectors;
import org.mizan.config.MizanHome;
import org.mizan.steward.Launches;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Quartz job behind every schedule: loads what is new in the schedule's inbox (see {@link InboxLoads}) and
 * logs the fire. Never two at once for one schedule; in a cluster, each fire runs on exactly one node.
 */
@DisallowConcurrentExecution
public class ScheduledLoad implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledLoad.class);

    @Autowired
    private Launches launches;

    @Autowired
    private MizanHome home;

    @Override
    public void execute(JobExecutionContext ctx) {
        String key = ctx.getJobDetail().getKey().getName();
        String instance;
        try {
            instance = ctx.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            instance = "?";
        }
        String outcome;
        try {
            Schedule s = Schedules.load(home).stream()
                    .filter(x -> x.key().equals(key))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("schedule " + key + " is no longer in "
                            + Schedules.location(home) + "; restart mizan serve to drop its trigger"));
            List<JobExecution> runs = InboxLoads.loadNew(s, launches);
            outcome = runs.isEmpty()
                    ? "nothing new in " + s.inbox()
                    : "loaded "
                            + runs.stream()
                                    .map(e -> "execution " + e.getId() + " " + e.getStatus() + " "
                                            + java.nio.file.Path.of(
                                                            e.getJobParameters().getString("file"))
                                                    .getFileName())
                                    .collect(Collectors.joining(", "));
        } catch (Exception e) {
            outcome = "FAILED: " + e.getMessage();
            LOG.error("schedule {}: {}", key, e.getMessage(), e);
        }
        FireLog.append(
                home,
                key,
                ctx.getScheduledFireTime() == null
                        ? null
                        : ctx.getScheduledFireTime().toInstant(),
                instance,
                outcome);
        LOG.info("schedule {} fired: {}", key, outcome);
        System.out.println("schedule " + key + " fired: " + outcome);
    }
}
