package org.mizan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mizan.config.Folders;
import org.mizan.config.MizanHome;
import org.mizan.duckdb.SqlFiles;
import org.mizan.jobs.DefaultMappings;
import org.mizan.warehouse.ReadOnlyQuery;
import org.mizan.warehouse.Warehouse;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mizan demo}: loads {@code fixtures/} into a fresh home and shows what the warehouse then holds. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        header = "Loads the fixtures into MIZAN_HOME/demo and shows the results.",
        description = {
            "Loads the fixtures (a Nepali and a Tajik gazetteer, FX rates, three providers' transactions with",
            "some bad rows, two central banks' aggregates, the World Bank's corridor costs) into a fresh home",
            "MIZAN_HOME/demo (wiped first), prints each run's summary and the top lines of the public views."
        })
public class DemoCommand implements Callable<Integer> {

    /** The demo's loads in order: job, fixture file, mapping (null = the standard format's default). */
    record Load(String job, String file, String mapping) {}

    static final List<Load> LOADS = List.of(
            new Load("load-gazetteer", "gazetteer/admin_units.csv", null),
            new Load("load-fx-rates", "fx/fx_rates.csv", null),
            new Load("ingest-remittances", "remittances/mto-017_2024-03.csv", null),
            new Load("ingest-remittances", "remittances/bnk-003_2024-03.jsonl", null),
            new Load("ingest-remittances", "remittances/dushanbe-express_2024-03.csv", "remittances/dushanbe-express"),
            new Load("ingest-remittances", "remittances/nrb_corridors_2024-03.csv", null),
            new Load("ingest-remittances", "remittances/nbt_corridors_2024-03.csv", null),
            new Load(
                    "ingest-remittances",
                    "real/wb_rpw_corridors_ATCR_2011Q1-2020Q3.csv",
                    "remittances/wb-rpw-corridors"),
            new Load("load-fx-rates", "ledgers/fx_ledger_rates.csv", null),
            new Load("ingest-ledgers", "ledgers/np-p1-p3_ledger_2023.csv", null),
            new Load("ingest-ledgers", "ledgers/np_plan_allocations_2024.csv", null),
            new Load("ingest-ledgers", "real/iati_iom_dportal_119.xml", null),
            new Load("ingest-registries", "registries/dhankuta_people_2024.csv", "registries/dhankuta-people"),
            new Load("ingest-registries", "registries/dhankuta_services_2024.csv", "registries/dhankuta-services"));

    @Option(names = "--fixtures", description = "the fixtures folder (default: the checkout's fixtures/)")
    Path fixtures;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = fixtures != null ? fixtures : defaultFixtures();
        if (!Files.isDirectory(dir.resolve("remittances"))) {
            throw new MizanMain.UsageException(
                    "no fixtures in " + dir + ": run from the checkout or pass --fixtures DIR");
        }
        Path demoHome = MizanHome.fromEnvironment().root().resolve("demo");
        Applications.release(demoHome);
        Folders.deleteTree(demoHome);
        System.setProperty("mizan.home", demoHome.toString());
        out.println("demo home: " + demoHome + " (wiped and loaded afresh)");
        int code = MizanMain.OK;
        try (JobRunner runner = new JobRunner(spec.commandLine().getErr())) {
            for (Load load : LOADS) {
                String mapping = load.mapping() != null
                        ? load.mapping()
                        : DefaultMappings.detect(load.job(), dir.resolve(load.file()));
                JobExecution e = runner.run(load.job(), dir.resolve(load.file()), mapping);
                RunSummary.print(e, mapping, out);
                out.println();
                code = e.getStatus() == BatchStatus.COMPLETED ? code : MizanMain.FAILED;
            }
        }
        Path warehouse = new Warehouse(new MizanHome(demoHome)).published();
        ResultPrinter.print(ReadOnlyQuery.run(warehouse, SqlFiles.text("queries/status_counts.sql")), "table", out);
        for (String view :
                List.of("demo_inflows.sql", "demo_cost.sql", "demo_transactions.sql", "demo_scorecard.sql")) {
            out.println();
            out.println("-- "
                    + SqlFiles.text("queries/" + view)
                            .lines()
                            .findFirst()
                            .orElse("")
                            .replace("--", "")
                            .strip());
            ResultPrinter.print(ReadOnlyQuery.run(warehouse, SqlFiles.text("queries/" + view)), "table", out);
        }
        out.println();
        out.println("Warehouse: " + demoHome.resolve("warehouse/mizan.duckdb") + " (opens in any DuckDB client)");
        out.println("Query it:  MIZAN_HOME=" + demoHome
                + " ./mizan query \"select * from remittance_inflows order by level, unit_code\"");
        Path site = demoHome.resolve("dashboard");
        var pages = org.mizan.dashboard.StaticSite.write(
                new org.mizan.dashboard.PanelData(warehouse),
                org.mizan.dashboard.Panels.packaged(),
                org.mizan.dashboard.Scope.national("demo"),
                null,
                site);
        out.println("Dashboard: " + pages.get(0) + " (" + pages.size()
                + " static files: open it in a browser, no server needed)");
        out.println("  or serve it live: MIZAN_HOME=" + demoHome
                + " MIZAN_DASHBOARD_ANONYMOUS=true ./mizan serve  (then http://localhost:8080/)");
        out.println();
        out.println("Koshi's regional extract (what ./mizan run extract-region region=NP-P1 period=2024 writes):");
        org.mizan.extract.ExtractRun.run(
                new MizanHome(demoHome),
                org.mizan.extract.Recipient.adHoc("NP-P1"),
                org.mizan.extract.ExtractPeriod.parse("2024"),
                out);
        return code;
    }

    private static Path defaultFixtures() {
        String repo = System.getenv("MIZAN_REPO");
        return (repo != null ? Path.of(repo) : Path.of("")).resolve("fixtures").toAbsolutePath();
    }
}
