package org.mizan.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mizan.jobs.DefaultMappings;
import org.mizan.jobs.JobCatalogue;
import org.mizan.jobs.extracts.ExtractRegionJobConfiguration;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mizan run <job> file=PATH [mapping=NAME]}: runs one job on one delivered file. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        header = "Runs a job on one file and rebuilds the warehouse.",
        description = {
            "Runs a job on one file: read, check, stage to the Parquet lake, publish, rebuild the warehouse. Jobs:",
            "${bundle:" + JobHelp.TABLE + "}",
            "  extract-region      a region's extract: region=, period= (last example)",
            "A file in a standard format (docs/formats.md describes every input format) needs no mapping;",
            "any other layout needs mapping=NAME (a file under jobs/, e.g. remittances/dushanbe-express) or mapping=PATH.yml.",
            "Try a mapping first with: mizan check-mapping --mapping NAME FILE (writes nothing).",
            "Rejected rows go to MIZAN_HOME/quarantine with file, line, rule and message; good rows are loaded.",
            "Partitioned (${bundle:" + JobHelp.PARTITIONED
                    + "}): several file=PATH of one delivery, or --threads N, or --workers, cut the work",
            "into partitions: one per file, and a file larger than --partition-size into ranges of whole lines. --threads",
            "runs them on this machine; --workers sends them over RabbitMQ to mizan worker processes (profile distributed,",
            "see README). Rows, rejects and duplicates come out as a single-node run of the files in turn would give them.",
            "Examples:",
            "  mizan run load-gazetteer file=fixtures/gazetteer/admin_units.csv",
            "  mizan run ingest-remittances file=feed.jsonl",
            "  mizan run ingest-remittances file=export.csv mapping=remittances/dushanbe-express",
            "  mizan run ingest-ledgers file=activities.xml     (IATI XML, a ledger or plan CSV, an IATI code list)",
            "  mizan run ingest-registries file=returnees.xlsx mapping=registries/kutaisi-people",
            "  mizan run extract-region region=NP-P1 period=2024-Q1 [recipient=ID]",
            "     (the region's extract: scorecard and coherence views as CSV, XLSX, Parquet and manifest.json, small",
            "      counts suppressed, a new version only when something changed, delivered as config/extracts.yml says)"
        })
public class RunCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "JOB",
            description = "${bundle:" + JobHelp.LIST + "} or " + ExtractRegionJobConfiguration.NAME)
    String job;

    @Parameters(
            index = "1..*",
            paramLabel = "KEY=VALUE",
            description =
                    "file=PATH (required), mapping=NAME|PATH.yml (optional); extract-region: region=, period=, recipient=")
    List<String> params = List.of();

    @CommandLine.Mixin
    ReopenOption reopen = new ReopenOption();

    @CommandLine.Option(
            names = "--workers",
            description = "${bundle:" + JobHelp.PARTITIONED
                    + "}: send the partitions to mizan worker processes over RabbitMQ")
    boolean workers;

    @CommandLine.Option(
            names = "--threads",
            paramLabel = "N",
            description = "${bundle:" + JobHelp.PARTITIONED + "}: run the partitions on N threads of this machine")
    int threads;

    @CommandLine.Option(
            names = "--partition-size",
            paramLabel = "SIZE",
            defaultValue = "64m",
            description = "a file larger than this is cut into ranges of about this size (e.g. 64m, 500k; default 64m)")
    String partitionSize;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (ExtractRegionJobConfiguration.NAME.equals(job)) {
            return extract();
        }
        JobCatalogue catalogue = JobCatalogue.standard();
        if (!catalogue.contains(job)) {
            throw new MizanMain.UsageException("unknown job '" + job + "': choose one of " + catalogue.names() + " or "
                    + ExtractRegionJobConfiguration.NAME);
        }
        Map<String, String> kv = parse(params);
        List<String> files = params.stream()
                .filter(p -> p.startsWith("file="))
                .map(p -> p.substring(5))
                .toList();
        if (catalogue.require(job).partitionedJob().isPresent() && (files.size() > 1 || workers || threads > 0)) {
            return partitioned(files, kv.get("mapping"));
        }
        if (files.size() > 1) {
            throw new MizanMain.UsageException("run " + job + " takes one file=PATH; only "
                    + JobCatalogue.spoken(catalogue.partitionedJobs()) + " loads several files in one run");
        }
        String file = kv.get("file");
        if (file == null) {
            throw new MizanMain.UsageException("run " + job + " needs file=PATH (see mizan run --help)");
        }
        Path path = Path.of(file);
        String mapping = kv.containsKey("mapping") ? kv.get("mapping") : DefaultMappings.detect(job, path);
        DefaultMappings.check(job, mapping);
        org.mizan.quality.QualityChecks.load(
                org.mizan.config.MizanHome.fromEnvironment()); // a mistake there: exit 2 before the load
        try (JobRunner runner = JobRunner.forLoad(spec.commandLine().getErr(), "run " + job)) {
            reopen.arm(runner);
            JobExecution execution = runner.run(job, path, mapping);
            ReopenOption.rethrowRefusal(execution);
            reopen.report(runner, spec.commandLine().getOut());
            return outcome(execution, mapping);
        }
    }

    /** {@code run JOB file=A [file=B …] [--threads N | --workers]} of a job that loads partitions: one run. */
    private Integer partitioned(List<String> files, String mapping) throws Exception {
        long bytes = size(partitionSize);
        List<Path> paths = files.stream().map(Path::of).toList();
        List<String> mappings = new java.util.ArrayList<>();
        for (Path p : paths) {
            if (!java.nio.file.Files.isRegularFile(p)) {
                throw new MizanMain.UsageException("no file " + p + " (run " + job + " file=PATH …)");
            }
            String m = mapping != null ? mapping : DefaultMappings.detect(job, p);
            DefaultMappings.check(job, m);
            mappings.add(m);
        }
        if (threads > 0) {
            System.setProperty("mizan.partition.threads", String.valueOf(threads));
        }
        org.mizan.quality.QualityChecks.load(org.mizan.config.MizanHome.fromEnvironment());
        try (JobRunner runner = JobRunner.forLoad(spec.commandLine().getErr(), "run " + job)) {
            JobExecution execution = runner.launches().loadPartitioned(job, paths, mappings, bytes, workers);
            return outcome(execution, mappings.get(0));
        }
    }

    /** The run's summary on stdout; when it did not complete, the one line a steward reads on stderr, and exit 1. */
    private int outcome(JobExecution execution, String mapping) {
        RunSummary.print(execution, mapping, spec.commandLine().getOut());
        for (Throwable failure : execution.getAllFailureExceptions()) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (!(t instanceof org.mizan.jobs.ingest.RemotePartitioning.NotTaken)) {
                    continue;
                }
                // nothing wrong with the files: the line says what to do (start a worker, then rerun)
                spec.commandLine().getErr().println("mizan: " + t.getMessage());
                return MizanMain.FAILED;
            }
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            spec.commandLine()
                    .getErr()
                    .println(failed(job, execution) + "; fix the file (or its mapping) and run it again,"
                            + " or ./mizan rerun " + execution.getId() + " (details in " + ErrorLog.file() + ")");
            return MizanMain.FAILED;
        }
        return MizanMain.OK;
    }

    /** {@code 64m}, {@code 500k}, {@code 1g} or a number of bytes. */
    static long size(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        long unit = t.endsWith("k") ? 1024 : t.endsWith("m") ? 1024 * 1024 : t.endsWith("g") ? 1024L * 1024 * 1024 : 1;
        try {
            long n = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new MizanMain.UsageException(
                    "--partition-size " + text + " is not a size: write e.g. 64m, 500k or 1g");
        }
    }

    /** {@code run extract-region region=R period=P [recipient=ID]}. */
    private Integer extract() throws Exception {
        Map<String, String> kv = parse(params, java.util.Set.of("region", "period", "recipient"));
        if (kv.get("region") == null && kv.get("recipient") == null || kv.get("period") == null) {
            throw new MizanMain.UsageException(
                    "run extract-region needs region=CODE (or recipient=ID) and period=YYYY|YYYY-Qn|YYYY-MM,"
                            + " e.g. mizan run extract-region region=NP-P1 period=2024-Q1");
        }
        try {
            org.mizan.extract.ExtractPeriod.parse(kv.get("period"));
            if (kv.get("region") != null) {
                org.mizan.extract.ExtractRun.requireRegion(
                        org.mizan.config.MizanHome.fromEnvironment(), kv.get("region"));
            }
        } catch (IllegalArgumentException e) {
            throw new MizanMain.UsageException(e.getMessage());
        }
        try (JobRunner runner = JobRunner.forLoad(spec.commandLine().getErr(), "run " + job)) {
            org.springframework.batch.core.job.parameters.JobParametersBuilder b =
                    new org.springframework.batch.core.job.parameters.JobParametersBuilder();
            kv.forEach(b::addString);
            b.addLong("run", System.currentTimeMillis());
            JobExecution execution = runner.operator()
                    .start(
                            runner.bean("extractRegionJob", org.springframework.batch.core.job.Job.class),
                            b.toJobParameters());
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                spec.commandLine()
                        .getErr()
                        .println("mizan: extract-region failed (execution " + execution.getId() + "): "
                                + org.mizan.steward.FailureReasons.of(execution) + " (details in " + ErrorLog.file()
                                + ")");
                return MizanMain.FAILED;
            }
            return MizanMain.OK;
        }
    }

    /** The one line a steward reads on stderr when a run failed: the job, the file, the reason. */
    static String failed(String job, JobExecution execution) {
        return "mizan: " + job + " failed on " + execution.getJobParameters().getString("file") + " (execution "
                + execution.getId() + "): " + org.mizan.steward.FailureReasons.of(execution);
    }

    static Map<String, String> parse(List<String> params) {
        return parse(params, java.util.Set.of("file", "mapping"));
    }

    static Map<String, String> parse(List<String> params, java.util.Set<String> keys) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new MizanMain.UsageException("'" + p + "' is not KEY=VALUE (e.g. file=fixtures/fx/fx_rates.csv)");
            }
            String key = p.substring(0, eq);
            if (!keys.contains(key)) {
                throw new MizanMain.UsageException(
                        "unknown parameter '" + key + "': this job takes " + new java.util.TreeSet<>(keys));
            }
            kv.put(key, p.substring(eq + 1));
        }
        return kv;
    }
}
