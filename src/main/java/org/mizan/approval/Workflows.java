package org.mizan.approval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mizan.config.ConfigLocation;
import org.mizan.config.MizanHome;
import org.mizan.jobs.JobCatalogue;
import org.mizan.jobs.JobDescriptor;

/**
 * The workflows of {@code config/approvals.yml} (or {@code MIZAN_HOME/approvals.yml}, or the file
 * {@code MIZAN_APPROVALS} names), checked as they are read: an error names the file, the entry and what to write.
 */
public final class Workflows {

    public static final String ENV = "MIZAN_APPROVALS";
    static final Map<String, Integer> LEVELS = Map.of("national", 0, "region", 1, "district", 2, "municipality", 3);
    private static final Set<String> KEYS = Set.of("name", "datasets", "sources", "period", "levels", "accept");

    private final Map<String, Workflow> byName;

    private Workflows(Map<String, Workflow> byName) {
        this.byName = byName;
    }

    public static Workflows load(MizanHome home) {
        ConfigLocation.Document d =
                ConfigLocation.readYaml(home, ENV, "mizan.approvals", "approvals.yml", "the approval workflows");
        return d == null ? new Workflows(Map.of()) : parse(d.name(), d.yaml());
    }

    @SuppressWarnings("unchecked")
    static Workflows parse(String file, Object doc) {
        Map<String, Workflow> out = new LinkedHashMap<>();
        if (doc == null) {
            return new Workflows(out);
        }
        if (!(doc instanceof Map<?, ?> top)
                || !(top.get("workflows") == null || top.get("workflows") instanceof List)) {
            throw new ApprovalException(file + ": expected a top-level 'workflows:' list (see config/approvals.yml)");
        }
        List<Object> entries = top.get("workflows") == null ? List.of() : (List<Object>) top.get("workflows");
        for (int i = 0; i < entries.size(); i++) {
            String where = file + ", workflow " + (i + 1);
            if (!(entries.get(i) instanceof Map<?, ?> raw)) {
                throw new ApprovalException(where + ": expected name:, datasets:, period:, levels:");
            }
            Map<String, Object> m = (Map<String, Object>) raw;
            for (String k : m.keySet()) {
                if (!KEYS.contains(k)) {
                    throw new ApprovalException(where + ": unknown key '" + k
                            + "' (keys: name, datasets, sources, period, levels, accept)");
                }
            }
            Object name = m.get("name");
            if (name == null || !name.toString().matches("[a-z0-9][a-z0-9-]{0,63}")) {
                throw new ApprovalException(
                        where + ": 'name:' is required: lower-case letters, digits and dashes (e.g. local-reporting)");
            }
            List<String> jobs = new ArrayList<>();
            JobCatalogue catalogue = JobCatalogue.standard();
            for (String d : list(m, "datasets", where, true)) {
                JobDescriptor job = catalogue
                        .byApprovalName(d)
                        .orElseThrow(() -> new ApprovalException(where + ": dataset '" + d + "' is not one of "
                                + String.join(", ", catalogue.approvalNames())));
                jobs.add(job.name());
            }
            Object period = m.get("period");
            PeriodType type = PeriodType.of(period == null ? "" : period.toString(), where);
            List<Integer> levels = levels(list(m, "levels", where, true), where);
            List<Integer> accept = levels(list(m, "accept", where, false), where);
            for (int a : accept) {
                if (!levels.contains(a) || levels.stream().noneMatch(l -> l < a)) {
                    throw new ApprovalException(
                            where + ": accept names a level that does not approve or has no approving level above it");
                }
            }
            Workflow w = new Workflow(
                    name.toString(), List.copyOf(jobs), list(m, "sources", where, false), type, levels, accept);
            if (out.put(w.name(), w) != null) {
                throw new ApprovalException(where + ": workflow " + w.name() + " is given twice");
            }
        }
        return new Workflows(out);
    }

    private static List<String> list(Map<String, Object> m, String key, String where, boolean required) {
        Object v = m.get(key);
        if (v == null && !required) {
            return List.of();
        }
        if (!(v instanceof List<?> l) || l.isEmpty()) {
            throw new ApprovalException(
                    where + ": '" + key + ":' must be a non-empty list, e.g. [municipality, region, national]");
        }
        return l.stream().map(String::valueOf).toList();
    }

    private static List<Integer> levels(List<String> names, String where) {
        List<Integer> out = new ArrayList<>();
        for (String n : names) {
            Integer level = LEVELS.get(n);
            if (level == null) {
                throw new ApprovalException(
                        where + ": level '" + n + "' is not one of municipality, district, region, national");
            }
            out.add(level);
        }
        return List.copyOf(out);
    }

    public List<Workflow> all() {
        return List.copyOf(byName.values());
    }

    /** The workflow of that name; an error listing the known ones. */
    public Workflow require(String name) {
        Workflow w = byName.get(name);
        if (w == null) {
            throw new ApprovalException("unknown workflow '" + name + "': config/approvals.yml has " + byName.keySet());
        }
        return w;
    }
}
