package org.mizan.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mizan.config.MizanHome;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The review decisions, kept in {@code MIZAN_HOME/quality/reviews.yml}, outside the warehouse that every load
 * rebuilds: each build reads them again and matches them to its flags by the flag's id (a hash of the check, the
 * record and its value), so a decision holds as long as the record is loaded unchanged. The file is rewritten whole
 * under a temporary name and renamed; the last decision on a flag wins.
 */
public final class Reviews {

    private final Path file;

    public Reviews(MizanHome home) {
        this.file = home.root().resolve("quality").resolve("reviews.yml");
    }

    public Path file() {
        return file;
    }

    /** Every decision, latest per flag. */
    @SuppressWarnings("unchecked")
    public List<Review> all() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Object doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the review decisions in " + file, e);
        }
        Map<String, Review> latest = new LinkedHashMap<>();
        if (doc instanceof Map<?, ?> top && top.get("reviews") instanceof List<?> entries) {
            for (Object o : entries) {
                Map<String, Object> m = (Map<String, Object>) o;
                Review r = new Review(
                        str(m.get("flag")),
                        str(m.get("decision")),
                        str(m.get("reason")),
                        Boolean.TRUE.equals(m.get("exclude")),
                        str(m.get("at")),
                        str(m.get("check")),
                        str(m.get("dataset")),
                        str(m.get("record")),
                        str(m.get("value")));
                latest.remove(r.flagId());
                latest.put(r.flagId(), r);
            }
        }
        return new ArrayList<>(latest.values());
    }

    /** Records a decision (replacing an earlier one on the same flag). */
    public void record(Review review) {
        List<Review> all = new ArrayList<>(all());
        all.removeIf(r -> r.flagId().equals(review.flagId()));
        all.add(review);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Review r : all) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("flag", r.flagId());
            m.put("decision", r.decision());
            m.put("reason", r.reason());
            m.put("exclude", r.exclude());
            m.put("at", r.reviewedAt());
            m.put("check", r.check());
            m.put("dataset", r.dataset());
            m.put("record", r.record());
            m.put("value", r.value());
            entries.add(m);
        }
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String text = "# Review decisions on data-quality flags (./mizan review); read by every warehouse build.\n"
                + new Yaml(o).dump(Map.of("reviews", entries));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(
                    ".reviews.yml." + ProcessHandle.current().pid() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the review decisions to " + file, e);
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
