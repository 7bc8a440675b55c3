package org.mizan.schedule;

import java.time.ZonedDateTime;
import org.mizan.config.MizanHome;
import org.mizan.extract.ExtractPeriod;
import org.mizan.extract.Recipient;
import org.mizan.extract.Recipients;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The Quartz job behind an extract recipient's schedule: runs {@code extract-region} for the recipient and the
 * period its rule gives on the fire's day in the recipient's zone (by default the previous quarter), and logs the
 * fire. The run makes a new release only when something changed, and delivers whatever is still undelivered.
 */
@DisallowConcurrentExecution
public class ScheduledExtract implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledExtract.class);

    @Autowired
    private JobOperator operator;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private MizanHome home;

    @Override
    public void execute(JobExecutionContext ctx) {
        String id = ctx.getJobDetail().getKey().getName();
        String outcome;
        try {
            Recipient r = Recipients.byId(Recipients.load(home), id);
            java.util.Date fired =
                    ctx.getScheduledFireTime() != null ? ctx.getScheduledFireTime() : new java.util.Date();
            ExtractPeriod period = ExtractPeriod.forSchedule(
                    r.period(),
                    ZonedDateTime.ofInstant(fired.toInstant(), r.zone()).toLocalDate());
            JobExecution e = operator.start(
                    context.getBean("extractRegionJob", org.springframework.batch.core.job.Job.class),
                    new JobParametersBuilder()
                            .addString("recipient", id)
                            .addString("region", r.region())
                            .addString("period", period.label())
                            .addLong("run", System.currentTimeMillis())
                            .toJobParameters());
            outcome = "extract-region " + r.region() + " " + period.label() + ": execution " + e.getId() + " "
                    + e.getStatus();
        } catch (Exception e) {
            outcome = "FAILED: " + e.getMessage();
            LOG.error("extract schedule {}: {}", id, e.getMessage(), e);
        }
        FireLog.append(
                home,
                "extract:" + id,
                ctx.getScheduledFireTime() == null
                        ? null
                        : ctx.getScheduledFireTime().toInstant(),
                "-",
                outcome);
        LOG.info("extract schedule {} fired: {}", id, outcome);
    }
}
