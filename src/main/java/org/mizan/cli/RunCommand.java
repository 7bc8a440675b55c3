package org.mizan.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import org.mizan.jobs.extracts.ExtractRegionJobConfiguration;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mizan run <job> file=PATH [mapping=NAME]}: runs one job on one delivered file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Runs a job on one file and rebuilds the warehouse.",
        description = {"Runs a job on one file: read, check, stage to the Parquet lake, publish, rebuild the warehouse.",
                "Jobs: ingest-remittances, ingest-registries, ingest-ledgers, load-gazetteer, load-fx-rates.",
                "A file in a standard format (docs/formats.md describes every input format) needs no mapping;",
                "any other layout needs mapping=NAME (a file under jobs/, e.g. remittances/dushanbe-express) or mapping=PATH.yml.",
                "Try a mapping first with: mizan check-mapping --mapping NAME FILE (writes nothing).",
                "Rejected rows go to MIZAN_HOME/quarantine with file, line, rule and message; good rows are loaded.",
                "Examples:",
                "  mizan run load-gazetteer file=fixtures/gazetteer/admin_units.csv",
                "  mizan run ingest-remittances file=feed.jsonl",
                "  mizan run ingest-remittances file=export.csv mapping=remittances/dushanbe-express",
                "  mizan run ingest-ledgers file=activities.xml     (IATI XML, a ledger or plan CSV, an IATI code list)",
                "  mizan run ingest-registries file=returnees.xlsx mapping=registries/kutaisi-people",
                "  mizan run extract-region region=NP-P1 period=2024-Q1 [recipient=ID]",
                "     (the region's extract: scorecard and coherence views as CSV, XLSX, Parquet and manifest.json, small",
                "      counts suppressed, a new version only when something changed, delivered as config/extracts.yml says)"})
public class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB", description = "ingest-remittances, ingest-registries, ingest-ledgers, load-gazetteer or load-fx-rates")
    String job;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "file=PATH (required), mapping=NAME|PATH.yml (optional); extract-region: region=, period=, recipient=")
    List<String> params = List.of();

    @CommandLine.Mixin
    ReopenOption reopen = new ReopenOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (ExtractRegionJobConfiguration.NAME.equals(job)) {
            return extract();
        }
        if (!JobRunner.JOB_BEANS.containsKey(job)) {
            throw new MizanMain.UsageException("unknown job '" + job + "': choose one of " + JobRunner.JOB_BEANS.keySet()
                    + " or " + ExtractRegionJobConfiguration.NAME);
        }
        Map<String, String> kv = parse(params);
        String file = kv.get("file");
        if (file == null) {
            throw new MizanMain.UsageException("run " + job + " needs file=PATH (see mizan run --help)");
        }
        Path path = Path.of(file);
        String mapping = kv.containsKey("mapping") ? kv.get("mapping") : DefaultMappings.detect(job, path);
        DefaultMappings.check(job, mapping);
        org.mizan.quality.QualityChecks.load(org.mizan.config.MizanHome.fromEnvironment()); // a mistake there: exit 2 before the load
        try (JobRunner runner = JobRunner.forLoad(spec.commandLine().getErr(), "run " + job)) {
            reopen.arm(runner);
            JobExecution execution = runner.run(job, path, mapping);
            reopen.report(runner, spec.commandLine().getOut());
            RunSummary.print(execution, mapping, spec.commandLine().getOut());
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                spec.commandLine().getErr().println(failed(job, execution) + "; fix the file (or its mapping) and run it again,"
                        + " or ./mizan rerun " + execution.getId() + " (details in " + ErrorLog.file() + ")");
                return MizanMain.FAILED;
            }
            return MizanMain.OK;
        }
    }

    /** {@code run extract-region region=R period=P [recipient=ID]}. */
    private Integer extract() throws Exception {
        Map<String, String> kv = parse(params, java.util.Set.of("region", "period", "recipient"));
        if (kv.get("region") == null && kv.get("recipient") == null || kv.get("period") == null) {
            throw new MizanMain.UsageException("run extract-region needs region=CODE (or recipient=ID) and period=YYYY|YYYY-Qn|YYYY-MM,"
                    + " e.g. mizan run extract-region region=NP-P1 period=2024-Q1");
        }
        try {
            org.mizan.extract.ExtractPeriod.parse(kv.get("period"));
            if (kv.get("region") != null) {
                org.mizan.extract.ExtractRun.requireRegion(org.mizan.config.MizanHome.fromEnvironment(), kv.get("region"));
            }
        } catch (IllegalArgumentException e) {
            throw new MizanMain.UsageException(e.getMessage());
        }
        try (JobRunner runner = JobRunner.forLoad(spec.commandLine().getErr(), "run " + job)) {
            org.springframework.batch.core.job.parameters.JobParametersBuilder b = new org.springframework.batch.core.job.parameters.JobParametersBuilder();
            kv.forEach(b::addString);
            b.addLong("run", System.currentTimeMillis());
            JobExecution execution = runner.operator().start(runner.bean("extractRegionJob", org.springframework.batch.core.job.Job.class), b.toJobParameters());
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                spec.commandLine().getErr().println("mizan: extract-region failed (execution " + execution.getId() + "): "
                        + org.mizan.steward.FailureReasons.of(execution) + " (details in " + ErrorLog.file() + ")");
                return MizanMain.FAILED;
            }
            return MizanMain.OK;
        }
    }

    /** The one line a steward reads on stderr when a run failed: the job, the file, the reason. */
    static String failed(String job, JobExecution execution) {
        return "mizan: " + job + " failed on " + execution.getJobParameters().getString("file") + " (execution " + execution.getId()
                + "): " + org.mizan.steward.FailureReasons.of(execution);
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
                throw new MizanMain.UsageException("unknown parameter '" + key + "': this job takes " + new java.util.TreeSet<>(keys));
            }
            kv.put(key, p.substring(eq + 1));
        }
        return kv;
    }
}
