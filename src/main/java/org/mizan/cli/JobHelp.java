package org.mizan.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import org.mizan.jobs.JobCatalogue;
import org.mizan.jobs.JobDescriptor;

/**
 * The job names and lines the commands' help texts take from the job catalogue: a resource bundle whose keys the
 * help texts name as {@code ${bundle:KEY}}, looked up (and the catalogue found) only when a help text is shown.
 */
final class JobHelp extends ResourceBundle {

    /** "ingest-ledgers, ingest-registries, …, load-gazetteer": every job, for a list that goes on. */
    static final String LIST = "mizan.jobs.list";
    /** "ingest-ledgers, …, load-fx-rates or load-gazetteer": every job. */
    static final String SPOKEN = "mizan.jobs";
    /** The jobs whose partitions a steward may read again, spoken. */
    static final String PARTITION_JOBS = "mizan.jobs.partition";
    /** The jobs that load several files of one delivery as partitions in one run, spoken. */
    static final String PARTITIONED = "mizan.jobs.partitioned";
    /** One line per job, indented: its name and what it loads. */
    static final String TABLE = "mizan.jobs.table";
    /** The width of the name column of {@link #TABLE}. */
    static final int NAME_WIDTH = 18;

    private static final Set<String> KEYS = Set.of(LIST, SPOKEN, PARTITION_JOBS, PARTITIONED, TABLE);

    /** Makes the keys available to the command and its subcommands' help texts. */
    static void install(picocli.CommandLine cli) {
        cli.setResourceBundle(new JobHelp());
    }

    @Override
    protected Object handleGetObject(String key) {
        if (!KEYS.contains(key)) {
            return null;
        }
        JobCatalogue catalogue = JobCatalogue.standard();
        return switch (key) {
            case LIST -> String.join(", ", catalogue.names());
            case SPOKEN -> JobCatalogue.spoken(catalogue.names());
            case PARTITION_JOBS -> JobCatalogue.spoken(catalogue.partitionJobs());
            case PARTITIONED -> JobCatalogue.spoken(catalogue.partitionedJobs());
            default -> catalogue.jobs().stream().map(JobHelp::line).collect(Collectors.joining(System.lineSeparator()));
        };
    }

    /** "  load-fx-rates       FX rates per US dollar (format 8) or per euro (ECB)". */
    static String line(JobDescriptor job) {
        return String.format("  %-" + NAME_WIDTH + "s  %s", job.name(), job.help());
    }

    @Override
    protected Set<String> handleKeySet() {
        return KEYS;
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(KEYS);
    }
}
