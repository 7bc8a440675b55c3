package org.mizan.extract;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mizan.config.ConfigLocation;
import org.mizan.config.MizanHome;
import org.mizan.source.MappingException;
import org.quartz.CronExpression;

/**
 * Reads the extract recipients: {@code MIZAN_EXTRACTS} (a file) if set, else {@code MIZAN_HOME/extracts.yml}, else
 * the checkout's {@code config/extracts.yml}. Every mistake is reported with the file and the entry.
 */
public final class Recipients {

    public static final String ENV = "MIZAN_EXTRACTS";
    private static final Set<String> KEYS = Set.of("id", "region", "formats", "threshold", "schedule", "delivery");

    private Recipients() {}

    public static Path location(MizanHome home) {
        return ConfigLocation.find(home, ENV, "mizan.extracts", "extracts.yml");
    }

    public static List<Recipient> load(MizanHome home) {
        ConfigLocation.Document d =
                ConfigLocation.readYaml(home, ENV, "mizan.extracts", "extracts.yml", "the extract recipients");
        return d == null ? List.of() : parse(d.name(), d.yaml(), home);
    }

    /** The recipient with that id; a clear error listing the ids when there is none. */
    public static Recipient byId(List<Recipient> all, String id) {
        return all.stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no extract recipient '" + id + "' (recipients: "
                        + all.stream().map(Recipient::id).toList() + ")"));
    }

    @SuppressWarnings("unchecked")
    static List<Recipient> parse(String file, Object doc, MizanHome home) {
        List<Recipient> out = new ArrayList<>();
        if (doc == null) {
            return out;
        }
        if (!(doc instanceof Map<?, ?> top)
                || !(top.get("recipients") == null || top.get("recipients") instanceof List)) {
            throw new MappingException(file + ": expected a top-level 'recipients:' list (see config/extracts.yml)");
        }
        int defaultThreshold =
                Integer.parseInt(String.valueOf(((Map<String, Object>) top).getOrDefault("threshold", 5)));
        List<Object> entries = top.get("recipients") == null ? List.of() : (List<Object>) top.get("recipients");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = file + ", recipient " + (i + 1);
            if (!(entries.get(i) instanceof Map<?, ?> raw)) {
                throw new MappingException(where + ": expected id:, region:, formats:, schedule:, delivery:");
            }
            Map<String, Object> m = (Map<String, Object>) raw;
            for (String k : m.keySet()) {
                if (!KEYS.contains(k)) {
                    throw new MappingException(where + ": unknown key '" + k + "' (keys: " + KEYS + ")");
                }
            }
            String id = required(m, "id", where);
            if (!id.matches("[A-Za-z0-9][A-Za-z0-9_-]*") || !ids.add(id)) {
                throw new MappingException(where + ": id '" + id + "' must be unique, letters, digits, - and _");
            }
            String region = required(m, "region", where);
            List<String> formats = m.get("formats") == null
                    ? Recipient.FORMATS
                    : ((List<Object>) m.get("formats"))
                            .stream().map(String::valueOf).toList();
            for (String f : formats) {
                if (!Recipient.FORMATS.contains(f)) {
                    throw new MappingException(where + ": format '" + f + "' is not one of " + Recipient.FORMATS);
                }
            }
            Map<String, Object> schedule = (Map<String, Object>) m.getOrDefault("schedule", Map.of());
            String cron =
                    schedule.get("cron") == null ? null : schedule.get("cron").toString();
            if (cron != null && !CronExpression.isValidExpression(cron)) {
                throw new MappingException(
                        where + ": cron '" + cron + "' is not a Quartz cron expression (e.g. \"0 0 6 5 1,4,7,10 ?\")");
            }
            ZoneId zone;
            try {
                zone = ZoneId.of(String.valueOf(schedule.getOrDefault("time-zone", "UTC")));
            } catch (java.time.DateTimeException e) {
                throw new MappingException(where + ": time-zone '" + schedule.get("time-zone")
                        + "' is not a zone id (e.g. Asia/Kathmandu)");
            }
            String period = String.valueOf(schedule.getOrDefault("period", "previous-quarter"));
            try {
                ExtractPeriod.forSchedule(period, java.time.LocalDate.of(2024, 1, 1));
            } catch (IllegalArgumentException e) {
                throw new MappingException(where + ": schedule period '" + period
                        + "' is not previous-quarter, previous-month, previous-year, current-year or a period");
            }
            Map<String, Object> delivery = (Map<String, Object>) m.getOrDefault("delivery", Map.of());
            Path outbox = null;
            if (delivery.get("outbox") != null) {
                outbox = Path.of(delivery.get("outbox").toString());
                outbox = (outbox.isAbsolute() ? outbox : home.root().resolve(outbox)).normalize();
            }
            Map<String, Object> sftp = (Map<String, Object>) delivery.get("sftp");
            if (outbox != null && sftp != null) {
                throw new MappingException(where + ": delivery has both outbox: and sftp:; choose one");
            }
            int threshold = Integer.parseInt(String.valueOf(m.getOrDefault("threshold", defaultThreshold)));
            out.add(new Recipient(
                    id, region, formats, threshold, cron, zone, period, outbox, sftp, Recipient.retry((Map<
                                    String, Object>)
                            delivery.get("retry"))));
        }
        return out;
    }

    /** The entry's value for {@code key}; an error naming the file and entry when it is missing or blank. */
    private static String required(Map<String, Object> m, String key, String where) {
        Object v = m.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new MappingException(where + ": '" + key + ":' is required");
        }
        return v.toString();
    }
}
