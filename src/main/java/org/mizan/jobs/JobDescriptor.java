package org.mizan.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the job catalogue knows of a job that loads delivered files: one per job package, a {@code @Configuration}
 * (or {@code @Component}) that extends this class and has a constructor without arguments, found as a bean in the
 * application and by {@link JobCatalogue#standard()} before it starts. The job itself is the {@code Job} bean of the
 * same {@link #name()}, which a standard job's descriptor declares itself. Adding a job is adding its package: this
 * descriptor (and, for a job with steps of its own, its job configuration).
 */
public abstract class JobDescriptor {

    private final String name;
    private final List<String> datasets;
    private final String help;
    private final String mapping;

    /**
     * @param name the job's name, as given to {@code mizan run} and kept in the job repository
     * @param datasets the lake datasets (folders) the job loads
     * @param help one line for {@code --help}: what the job loads, in at most 58 characters
     * @param mapping the one documented mapping of its files in the standard format (e.g. {@code defaults/fx-rates});
     *     null when the mapping depends on the file, and the descriptor overrides {@link #defaultMapping}
     */
    protected JobDescriptor(String name, List<String> datasets, String help, String mapping) {
        this.name = name;
        this.datasets = List.copyOf(datasets);
        this.help = help;
        this.mapping = mapping;
    }

    /** The job's name, as given to {@code mizan run} and kept in the job repository (e.g. {@code load-fx-rates}). */
    public final String name() {
        return name;
    }

    /** The lake datasets (folders) the job loads: a mapping must load one of them. */
    public final List<String> datasets() {
        return datasets;
    }

    /** One line for {@code --help}: what the job loads, in at most 58 characters (the help is 80 columns wide). */
    public final String help() {
        return help;
    }

    /**
     * The documented mapping for a file in a standard format (e.g. {@code defaults/fx-rates}); a
     * {@link org.mizan.config.UsageException} saying what to pass when the file needs a mapping of its own.
     */
    public String defaultMapping(Path file) {
        if (mapping == null) {
            throw new IllegalStateException(
                    "job " + name + " names no default mapping: its descriptor must choose one");
        }
        return mapping;
    }

    /** Whether a steward may read one of its partitions again ({@code mizan rerun --job}, {@code mizan backfill}). */
    public boolean rerunsByPartition() {
        return true;
    }

    /**
     * The name of the job that loads several files of one delivery as partitions ({@code mizan run JOB file=A
     * file=B}, {@code --threads}, {@code --workers}); empty when the job loads one file a run.
     */
    public Optional<String> partitionedJob() {
        return Optional.empty();
    }

    /**
     * The name approval workflows give this job's data ({@code datasets: [remittances]} in
     * {@code config/approvals.yml}); empty when no workflow approves what it loads.
     */
    public Optional<String> approvalName() {
        return Optional.empty();
    }
}
