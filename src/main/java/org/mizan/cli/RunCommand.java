package org.mizan.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mizan run <job> file=PATH [mapping=NAME]}: runs one job on one delivered file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a job on one file: read, check, stage to the Parquet lake, publish, rebuild the warehouse.",
                "Jobs: ingest-remittances, ingest-registries, ingest-ledgers, load-gazetteer, load-fx-rates.",
                "A file in a standard format (docs: ../shared/formats, jobs/README.md) needs no mapping;",
                "any other layout needs mapping=NAME (a file under jobs/, e.g. remittances/dushanbe-express) or mapping=PATH.yml.",
                "Rejected rows go to MIZAN_HOME/quarantine with file, line, rule and message; good rows are loaded.",
                "Examples:",
                "  mizan run load-gazetteer file=fixtures/gazetteer/admin_units.csv",
                "  mizan run ingest-remittances file=feed.jsonl",
                "  mizan run ingest-remittances file=export.csv mapping=remittances/dushanbe-express",
                "  mizan run ingest-ledgers file=activities.xml     (IATI XML, a ledger or plan CSV, an IATI code list)",
                "  mizan run ingest-registries file=returnees.xlsx mapping=registries/kutaisi-people"})
public class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB", description = "ingest-remittances, ingest-registries, ingest-ledgers, load-gazetteer or load-fx-rates")
    String job;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "file=PATH (required), mapping=NAME|PATH.yml (optional)")
    List<String> params = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!JobRunner.JOB_BEANS.containsKey(job)) {
            throw new MizanMain.UsageException("unknown job '" + job + "': choose one of " + JobRunner.JOB_BEANS.keySet());
        }
        Map<String, String> kv = parse(params);
        String file = kv.get("file");
        if (file == null) {
            throw new MizanMain.UsageException("run " + job + " needs file=PATH (see mizan run --help)");
        }
        Path path = Path.of(file);
        String mapping = kv.containsKey("mapping") ? kv.get("mapping") : DefaultMappings.detect(job, path);
        DefaultMappings.check(job, mapping);
        try (JobRunner runner = new JobRunner(spec.commandLine().getErr())) {
            JobExecution execution = runner.run(job, path, mapping);
            RunSummary.print(execution, mapping, spec.commandLine().getOut());
            return execution.getStatus() == BatchStatus.COMPLETED ? MizanMain.OK : MizanMain.FAILED;
        }
    }

    static Map<String, String> parse(List<String> params) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new MizanMain.UsageException("'" + p + "' is not KEY=VALUE (e.g. file=fixtures/fx/fx_rates.csv)");
            }
            String key = p.substring(0, eq);
            if (!key.equals("file") && !key.equals("mapping")) {
                throw new MizanMain.UsageException("unknown parameter '" + key + "': run takes file= and mapping=");
            }
            kv.put(key, p.substring(eq + 1));
        }
        return kv;
    }
}
