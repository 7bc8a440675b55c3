package org.mizan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mizan.config.MizanHome;
import org.mizan.dashboard.Catalogue;
import org.mizan.dashboard.Panel;
import org.mizan.dashboard.PanelData;
import org.mizan.dashboard.Panels;
import org.mizan.dashboard.Scope;
import org.mizan.dashboard.StaticSite;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mizan dashboard}: the dashboard's pages as a static folder, the panels' check, and password hashes for users. */
@Command(
        name = "dashboard",
        mixinStandardHelpOptions = true,
        header = "Writes the dashboard as a folder of static HTML pages.",
        description = {
            "Writes the planner dashboard (the pages `mizan serve` serves) as static HTML into a folder: the",
            "overview, a page per unit, a page and a CSV per panel, with ECharts copied in; links are relative, so the",
            "folder opens from disk or a mail attachment with no server and no internet.",
            "--region writes a regional council's folder: its region's units only.",
            "--check checks every panel of dashboards/*.yml against the warehouse's views and named queries.",
            "--bcrypt reads a password on standard input and prints its bcrypt hash for config/dashboard-users.yml.",
            "Example: ./mizan dashboard --out /tmp/mizan-dashboard --period 2024-03"
        })
public class DashboardCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "write the static pages into this folder")
    Path out;

    @Option(
            names = "--period",
            description =
                    "the period the pages show (a year 2024, a month 2024-03 or a quarter 2024-Q1); default: the overview and"
                            + " unit pages show the latest year the views hold, the panel pages every period")
    String period;

    @Option(
            names = "--region",
            paramLabel = "CODE",
            description = "only this region (level 1, e.g. NP-P1) and the units below it")
    String region;

    @Option(
            names = "--check",
            description = "check that every panel resolves to a view or named query and its fields exist")
    boolean check;

    @Option(names = "--bcrypt", description = "print the bcrypt hash of the password read from standard input")
    boolean bcrypt;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (bcrypt) {
            String password = new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
            if (password == null || password.isEmpty()) {
                throw new MizanMain.UsageException(
                        "no password on standard input (echo -n 'secret' | ./mizan dashboard --bcrypt)");
            }
            out.println(new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(password));
            return MizanMain.OK;
        }
        if (this.out == null && !check) {
            throw new MizanMain.UsageException(
                    "say what to do: --out DIR (static pages), --check or --bcrypt (see ./mizan dashboard --help)");
        }
        if (period != null) {
            try {
                org.mizan.extract.ExtractPeriod.parse(period);
            } catch (IllegalArgumentException e) {
                throw new MizanMain.UsageException("--" + e.getMessage());
            }
        }
        MizanHome home = MizanHome.fromEnvironment();
        PanelData data = new PanelData(home.publishedWarehouse());
        List<Panel> panels = Panels.packaged();
        if (check) {
            int problems = 0;
            for (Panel p : panels) {
                List<String> found = Catalogue.problems(p, data);
                out.println((found.isEmpty() ? "ok       " : "PROBLEM  ") + p.id() + " (" + p.source() + ")");
                found.forEach(f -> out.println("         " + f));
                problems += found.size();
            }
            if (problems > 0) {
                return MizanMain.FAILED;
            }
        }
        if (this.out != null) {
            Scope scope = region == null ? Scope.national("static") : Scope.regional("static", region);
            if (region != null) {
                var crumbs = data.breadcrumbs(region);
                if (crumbs.isEmpty()) {
                    throw new MizanMain.UsageException(
                            "no unit " + region + " in the gazetteer (a region code, level 1, e.g. NP-P1)");
                }
                if (crumbs.get(crumbs.size() - 1).level() != 1) {
                    throw new MizanMain.UsageException(region + " is a unit of level "
                            + crumbs.get(crumbs.size() - 1).level()
                            + ", not a region (level 1): a regional folder is for a region");
                }
            }
            var files = StaticSite.write(data, panels, scope, period, this.out.toAbsolutePath());
            out.println("dashboard: " + files.size() + " files in " + this.out.toAbsolutePath());
            out.println("open " + files.get(0)
                    + " in a browser (no server needed), or serve the folder: python3 -m http.server -d "
                    + this.out.toAbsolutePath() + " 8000");
        }
        return MizanMain.OK;
    }
}
