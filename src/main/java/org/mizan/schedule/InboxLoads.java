package org.mizan.schedule;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.mizan.jobs.DefaultMappings;
import org.mizan.steward.Executions;
import org.mizan.steward.Launches;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * What a schedule's trigger does: loads every file of its inbox that no completed load has read with the same
 * content (a file is known by its path and SHA-256, so a corrected file delivered under the same name is new).
 * Files still being written ({@code .part}, {@code .tmp}, hidden) are left for the next fire.
 */
public final class InboxLoads {

    private InboxLoads() {}

    /** The loads one fire ran, in file-name order; files already loaded are not run again. */
    public static List<JobExecution> loadNew(Schedule s, Launches launches) throws Exception {
        List<JobExecution> runs = new ArrayList<>();
        if (!Files.isDirectory(s.inbox())) {
            throw new IllegalStateException("the inbox " + s.inbox() + " of schedule " + s.key()
                    + " does not exist: create it, or" + " correct 'inbox:' in the schedules file");
        }
        Set<String> loaded = loadedDigests(s.job(), launches);
        for (Path file : pending(s)) {
            String sha = org.mizan.config.Checksums.sha256(file);
            if (loaded.contains(file.toAbsolutePath().normalize() + "|" + sha)) {
                continue;
            }
            String mapping = s.mapping() != null ? s.mapping() : DefaultMappings.detect(s.job(), file);
            runs.add(launches.load(s.job(), file, mapping, Map.of("sha256", sha, "schedule", s.key())));
        }
        return runs;
    }

    /** The inbox's files the schedule takes, by name (a fire and a backfill alike). */
    public static List<Path> pending(Schedule s) throws IOException {
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + s.files());
        try (Stream<Path> files = Files.list(s.inbox())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> glob.matches(p.getFileName()))
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return !n.startsWith(".") && !n.endsWith(".part") && !n.endsWith(".tmp");
                    })
                    .sorted()
                    .toList();
        }
    }

    /** "path|sha256" of every file a completed load of the job read through a schedule. */
    private static Set<String> loadedDigests(String job, Launches launches) {
        Set<String> out = new HashSet<>();
        for (JobExecution e : Executions.list(launches.repository(), job, null, Integer.MAX_VALUE)) {
            String sha = e.getJobParameters().getString("sha256");
            if (e.getStatus() == BatchStatus.COMPLETED && sha != null) {
                out.add(e.getJobParameters().getString("file") + "|" + sha);
            }
        }
        return out;
    }
}
