package org.mizan.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * One entry of {@code schedules.yml}: a job and source loaded from an inbox folder on a cron schedule, in a time
 * zone, and the age after which its last successful load counts as late.
 *
 * @param inbox    the folder the source delivers into (relative paths are under MIZAN_HOME)
 * @param files    a glob of the file names taken from it ({@code *} by default)
 * @param mapping  the mapping of its files, or null for the standard format's default
 * @param lateAfter how old the source's last successful load may be before {@code status} flags it late; null: never
 */
public record Schedule(
        String job,
        String source,
        Path inbox,
        String files,
        String mapping,
        String cron,
        ZoneId zone,
        Duration lateAfter) {

    /** The name of its Quartz job and trigger: job and source. */
    public String key() {
        return job + ":" + source;
    }
}
