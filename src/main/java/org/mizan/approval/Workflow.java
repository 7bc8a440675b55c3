package org.mizan.approval;

import java.util.List;

/**
 * One approval workflow: the loads it covers (job names, and optionally only some sources), the period it approves,
 * the levels that approve (lowest first, as gazetteer levels) and the levels whose approval must be accepted above.
 */
public record Workflow(
        String name,
        List<String> jobs,
        List<String> sources,
        PeriodType periodType,
        List<Integer> levels,
        List<Integer> acceptLevels) {

    /** Whether a load of this job and source is covered. */
    public boolean covers(String job, String source) {
        return jobs.contains(job)
                && (sources.isEmpty() || source == null || sources.stream().anyMatch(s -> s.equalsIgnoreCase(source)));
    }

    public boolean approves(int level) {
        return levels.contains(level);
    }

    /** The nearest approving level below {@code level}, or -1 for the lowest. */
    public int levelBelow(int level) {
        return levels.stream().filter(l -> l > level).min(Integer::compare).orElse(-1);
    }

    /** The nearest approving level above {@code level}, or -1 for the highest. */
    public int levelAbove(int level) {
        return levels.stream().filter(l -> l < level).max(Integer::compare).orElse(-1);
    }
}
