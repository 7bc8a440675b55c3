package org.mizan.jobs;

import java.nio.file.Path;
import java.util.List;

/**
 * What the job catalogue knows of a job that loads delivered files: one per job package, a {@code @Component} that
 * implements this interface directly and has a constructor without arguments, found as a bean in the application and
 * by {@link JobCatalogue#standard()} before it starts. The job itself is the package's {@code Job} bean of the same {@link #name()}. Adding a job is adding its
 * package: its job configuration and this descriptor.
 */
public interface JobDescriptor {

    /** The job's name, as given to {@code mizan run} and kept in the job repository (e.g. {@code load-fx-rates}). */
    String name();

    /** The lake datasets (folders) the job loads: a mapping must load one of them. */
    List<String> datasets();

    /**
     * The documented mapping for a file in a standard format (e.g. {@code defaults/fx-rates}); a
     * {@link org.mizan.config.UsageException} saying what to pass when the file needs a mapping of its own.
     */
    String defaultMapping(Path file);

    /** Whether a steward may read one of its partitions again ({@code mizan rerun --job}, {@code mizan backfill}). */
    boolean rerunsByPartition();

    /** One line for {@code --help}: what the job loads, in at most 58 characters (the help is 80 columns wide). */
    String help();
}
