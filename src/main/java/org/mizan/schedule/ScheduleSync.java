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

    private ScheduleSync() {}

    /** Group of the extract schedules (config/extracts.yml), kept apart from the loads'. */
    public static final String EXTRACT_GROUP = "mizan-extracts";

    /** One trigger to keep: its key, cron, zone, the Quartz job class it fires and a description. */
    record Entry(
            String key, String cron, java.time.ZoneId zone, Class<? extends org.quartz.Job> job, String description) {}

    /** Applies the schedules; returns one line per change for the log. */
    public static List<String> apply(Scheduler scheduler, List<Schedule> schedules) throws SchedulerException {
        return sync(
                scheduler,
                GROUP,
                schedules.stream()
                        .map(s -> new Entry(
                                s.key(), s.cron(), s.zone(), ScheduledLoad.class, s.job() + " from " + s.inbox()))
                        .toList());
    }

    /** Applies the extract recipients that have a schedule ({@link ScheduledExtract}). */
    public static List<String> applyExtracts(Scheduler scheduler, List<org.mizan.extract.Recipient> recipients)
            throws SchedulerException {
        return sync(
                scheduler,
                EXTRACT_GROUP,
                recipients.stream()
                        .filter(r -> r.cron() != null)
                        .map(r -> new Entry(
                                r.id(),
                                r.cron(),
                                r.zone(),
                                ScheduledExtract.class,
                                "extract-region " + r.region() + " for " + r.id()))
                        .toList());
    }

    private static List<String> sync(Scheduler scheduler, String group, List<Entry> entries) throws SchedulerException {
        List<String> changes = new ArrayList<>();
        Set<JobKey> wanted = new HashSet<>();
        for (Entry s : entries) {
            JobKey job = new JobKey(s.key(), group);
            TriggerKey tk = new TriggerKey(s.key(), group);
            wanted.add(job);
            scheduler.addJob(
                    JobBuilder.newJob(s.job())
                            .withIdentity(job)
                            .storeDurably()
                            .withDescription(s.description())
                            .build(),
                    true);
            Trigger existing = scheduler.getTrigger(tk);
            if (existing instanceof CronTrigger c
                    && c.getCronExpression().equals(s.cron())
                    && c.getTimeZone().toZoneId().equals(s.zone())) {
                continue;
            }
            CronTrigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(tk)
                    .forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(s.cron())
                            .inTimeZone(TimeZone.getTimeZone(s.zone()))
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
        for (JobKey stored : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
            if (!wanted.contains(stored)) {
                scheduler.deleteJob(stored);
                changes.add("removed " + stored.getName() + " (no longer in the configuration)");
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
