package org.mizan.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mizan.config.MizanHome;
import org.mizan.jobs.JobCatalogue;
import org.mizan.source.MappingException;
import org.quartz.CronExpression;

/**
 * Reads the schedules: {@code MIZAN_SCHEDULES} (a file path) if set, else {@code MIZAN_HOME/schedules.yml} if
 * present, else the checkout's {@code config/schedules.yml}. Every mistake is reported with the file and entry.
 */
public final class Schedules {

    public static final String ENV = "MIZAN_SCHEDULES";

    private Schedules() {}

    /** Where the schedules are read from (a file, or the packaged default when null). */
    public static Path location(MizanHome home) {
        return org.mizan.config.ConfigLocation.find(home, ENV, "mizan.schedules", "schedules.yml");
    }

    public static List<Schedule> load(MizanHome home) {
        org.mizan.config.ConfigLocation.Document d = org.mizan.config.ConfigLocation.readYaml(
                home, ENV, "mizan.schedules", "schedules.yml", "the schedules");
        return d == null ? List.of() : parse(d.name(), d.yaml(), home);
    }

    @SuppressWarnings("unchecked")
    static List<Schedule> parse(String file, Object doc, MizanHome home) {
        List<Schedule> out = new ArrayList<>();
        if (doc == null) {
            return out;
        }
        if (!(doc instanceof Map<?, ?> top)
                || !(top.get("schedules") == null || top.get("schedules") instanceof List)) {
            throw new MappingException(file + ": expected a top-level 'schedules:' list (see config/schedules.yml)");
        }
        List<Object> entries = top.get("schedules") == null ? List.of() : (List<Object>) top.get("schedules");
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = file + ", schedule " + (i + 1);
            if (!(entries.get(i) instanceof Map<?, ?> raw)) {
                throw new MappingException(where + ": expected job:, source:, inbox:, cron: …");
            }
            Map<String, Object> m = (Map<String, Object>) raw;
            for (String k : m.keySet()) {
                if (!Set.of("job", "source", "inbox", "files", "mapping", "cron", "time-zone", "late-after")
                        .contains(k)) {
                    throw new MappingException(where + ": unknown key '" + k
                            + "' (keys: job, source, inbox, files, mapping, cron," + " time-zone, late-after)");
                }
            }
            String job = required(m, "job", where);
            if (!JobCatalogue.standard().contains(job)) {
                throw new MappingException(where + ": unknown job '" + job + "' (jobs: "
                        + JobCatalogue.standard().names() + ")");
            }
            String source = required(m, "source", where);
            String cron = required(m, "cron", where);
            try {
                CronExpression.validateExpression(cron);
            } catch (java.text.ParseException e) {
                throw new MappingException(where + ": cron '" + cron + "' is not a Quartz cron expression ("
                        + e.getMessage() + "); e.g. \"0 0 2 * * ?\" is every day at 02:00");
            }
            ZoneId zone;
            try {
                zone = ZoneId.of(m.getOrDefault("time-zone", "UTC").toString());
            } catch (java.time.DateTimeException e) {
                throw new MappingException(
                        where + ": time-zone '" + m.get("time-zone") + "' is not a zone id (e.g. Asia/Kathmandu, UTC)");
            }
            Path inbox = Path.of(required(m, "inbox", where));
            inbox = inbox.isAbsolute() ? inbox : home.root().resolve(inbox);
            Duration late = m.get("late-after") == null
                    ? null
                    : duration(m.get("late-after").toString(), where);
            Schedule s = new Schedule(
                    job,
                    source,
                    inbox.normalize(),
                    m.getOrDefault("files", "*").toString(),
                    m.get("mapping") == null ? null : m.get("mapping").toString(),
                    cron,
                    zone,
                    late);
            if (!keys.add(s.key())) {
                throw new MappingException(
                        where + ": " + s.key() + " is scheduled twice; keep one entry per job and source");
            }
            out.add(s);
        }
        return out;
    }

    /** The entry's value for {@code key}; an error naming the file and entry when it is missing or blank. */
    public static String required(Map<String, Object> m, String key, String where) {
        Object v = m.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new MappingException(where + ": '" + key + ":' is required");
        }
        return v.toString();
    }

    /** An ISO-8601 period or duration: {@code P35D}, {@code P1M} (taken as 31 days), {@code PT36H}. */
    static Duration duration(String v, String where) {
        try {
            if (v.contains("T")) {
                return Duration.parse(v);
            }
            Period p = Period.parse(v);
            return Duration.ofDays(p.getYears() * 366L + p.getMonths() * 31L + p.getDays());
        } catch (DateTimeParseException e) {
            throw new MappingException(where + ": late-after '" + v + "' is not an ISO period (e.g. P35D, P1M, PT36H)");
        }
    }
}
