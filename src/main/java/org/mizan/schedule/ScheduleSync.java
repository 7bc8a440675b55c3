package org.mizan.schedule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Makes Quartz's stored triggers match the schedules file. A trigger whose cron and zone are unchanged is kept as
 * it is, with its next fire time: re-creating it would forget a slot missed while no scheduler ran. Missed slots
 * fire once when the scheduler starts (misfire instruction "fire and proceed"), not once per slot.
 */
public final class ScheduleSync {

    public static final String GROUP = "mizan";

    private ScheduleSync() {
    }

    /** Applies the schedules; returns one line per change for the log. */
    public static List<String> apply(Scheduler scheduler, List<Schedule> schedules) throws SchedulerException {
        List<String> changes = new ArrayList<>();
        Set<JobKey> wanted = new HashSet<>();
        for (Schedule s : schedules) {
            JobKey job = new JobKey(s.key(), GROUP);
            TriggerKey tk = new TriggerKey(s.key(), GROUP);
            wanted.add(job);
            scheduler.addJob(JobBuilder.newJob(ScheduledLoad.class).withIdentity(job).storeDurably()
                    .withDescription(s.job() + " from " + s.inbox()).build(), true);
            Trigger existing = scheduler.getTrigger(tk);
            if (existing instanceof CronTrigger c && c.getCronExpression().equals(s.cron())
                    && c.getTimeZone().toZoneId().equals(s.zone())) {
                continue;
            }
            CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(tk).forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(s.cron()).inTimeZone(TimeZone.getTimeZone(s.zone()))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            if (existing == null) {
                scheduler.scheduleJob(trigger);
                changes.add("scheduled " + s.key() + " (" + s.cron() + " " + s.zone() + ")");
            } else {
                scheduler.rescheduleJob(tk, trigger);
                changes.add("rescheduled " + s.key() + " (" + s.cron() + " " + s.zone() + ")");
            }
        }
        for (JobKey stored : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(stored)) {
                scheduler.deleteJob(stored);
                changes.add("removed " + stored.getName() + " (no longer in the schedules file)");
            }
        }
        return changes;
    }

    /** The next fire time of a schedule's trigger, or null when it has none (not yet synced by serve). */
    public static java.util.Date nextFire(Scheduler scheduler, Schedule s) throws SchedulerException {
        Trigger t = scheduler.getTrigger(new TriggerKey(s.key(), GROUP));
        return t == null ? null : t.getNextFireTime();
    }
}
