package org.mizan.extract;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.mizan.extract.delivery.RetryPolicy;

/**
 * A regional council that receives extracts (an entry of {@code config/extracts.yml}): its region (level 1), the
 * formats it wants, its schedule, and where releases go (an outbox folder or an SFTP server; none keeps them in
 * {@code MIZAN_HOME/extracts} only).
 *
 * @param cron     Quartz cron of the schedule, or null when it is only run by hand
 * @param period   which period a scheduled run extracts ({@link ExtractPeriod#forSchedule})
 * @param outbox   outbox folder, or null
 * @param sftp     the SFTP settings as written (password from the environment when used), or null
 */
public record Recipient(
        String id,
        String region,
        List<String> formats,
        int threshold,
        String cron,
        ZoneId zone,
        String period,
        Path outbox,
        Map<String, Object> sftp,
        RetryPolicy retry) {

    public static final List<String> FORMATS = List.of("csv", "xlsx", "parquet");

    /** A recipient for a region that no entry names: every format, kept in the home, not delivered. */
    public static Recipient adHoc(String region) {
        return new Recipient(
                region,
                region,
                FORMATS,
                org.mizan.extract.disclosure.Rules.DEFAULT_THRESHOLD,
                null,
                ZoneId.of("UTC"),
                null,
                null,
                null,
                RetryPolicy.DEFAULT);
    }

    public boolean delivers() {
        return outbox != null || sftp != null;
    }

    /** Retry delays for tests and small servers: what the file says, else the default. */
    static RetryPolicy retry(Map<String, Object> m) {
        if (m == null) {
            return RetryPolicy.DEFAULT;
        }
        int attempts = Integer.parseInt(String.valueOf(m.getOrDefault("attempts", RetryPolicy.DEFAULT.attempts())));
        double first = Double.parseDouble(String.valueOf(m.getOrDefault("first-delay-seconds", 2)));
        return new RetryPolicy(
                attempts,
                Duration.ofMillis((long) (first * 1000)),
                RetryPolicy.DEFAULT.multiplier(),
                RetryPolicy.DEFAULT.maxDelay());
    }
}
