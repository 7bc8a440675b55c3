package org.mizan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mizan.config.MizanHome;
import org.mizan.schedule.FireLog;
import org.mizan.schedule.Schedule;
import org.mizan.schedule.ScheduleSync;
import org.mizan.schedule.Schedules;
import org.quartz.Scheduler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mizan serve}: the long-running process that fires the schedules. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        header = "Runs the schedules and serves the dashboard until stopped.",
        description = {
            "Runs the scheduler until stopped (Ctrl-C or SIGTERM; a load under way is finished first).",
            "Schedules come from MIZAN_SCHEDULES, else MIZAN_HOME/schedules.yml, else config/schedules.yml (the format",
            "is explained in that file). Each fire loads the new files of the schedule's inbox; fires are logged",
            "in MIZAN_HOME/logs/schedule.log, loads in the job repository (mizan history, mizan status).",
            "Triggers are kept in the job repository's database: a slot missed while serve was down fires once on",
            "start. With the postgres profile several serve processes (on several machines) share the schedules",
            "and each fire runs on exactly one of them.",
            "Extract recipients with a schedule in config/extracts.yml (or MIZAN_HOME/extracts.yml, MIZAN_EXTRACTS) get",
            "their region's extract on it (mizan run extract-region --help); fires are logged there too.",
            "It also serves the planner dashboard (read-only web pages over the warehouse, panels from dashboards/*.yml) on",
            "--port (default 8080, or mizan.dashboard.port / MIZAN_DASHBOARD_PORT), on 127.0.0.1 only unless",
            "MIZAN_DASHBOARD_ADDRESS (or mizan.dashboard.address) names another address (0.0.0.0: every interface).",
            "Wrong passwords are throttled: after 5 in a row a user name is locked (429, Retry-After) for 30 s, doubling",
            "with each further failure up to 15 min. Its users and their regions are in",
            "config/dashboard-users.yml (or MIZAN_HOME/dashboard-users.yml, or the file MIZAN_DASHBOARD_USERS names).",
            "Example: SPRING_PROFILES_ACTIVE=postgres MIZAN_PG_SCHEMA=mizan ./mizan serve"
        })
public class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--run-for",
            paramLabel = "DURATION",
            description = "stop after this long (ISO-8601, e.g. PT8H); default: until stopped")
    Duration runFor;

    @Option(
            names = "--port",
            description =
                    "the dashboard's port (default: mizan.dashboard.port, env MIZAN_DASHBOARD_PORT, else 8080; 0: any free port)")
    Integer port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MizanHome home = MizanHome.fromEnvironment();
        List<Schedule> schedules = Schedules.load(home);
        for (Schedule s : schedules) {
            if (!Files.isDirectory(s.inbox())) {
                Files.createDirectories(s.inbox());
                out.println("created inbox " + s.inbox() + " for " + s.key());
            }
        }
        // a users file that cannot work stops serve here, with what to do, before Spring starts
        String users = System.getProperty("mizan.dashboard.users", System.getenv("MIZAN_DASHBOARD_USERS"));
        try {
            org.mizan.dashboard.web.DashboardUsers.load(users, home);
        } catch (IllegalStateException e) {
            throw new MizanMain.UsageException(e.getMessage());
        }
        String[] web = port == null ? new String[0] : new String[] {"--server.port=" + port};
        try (JobRunner runner =
                new JobRunner(spec.commandLine().getErr(), org.springframework.boot.WebApplicationType.SERVLET, web)) {
            out.printf(
                    "dashboard: http://localhost:%s/ (listening on %s; users from %s%s)%n",
                    runner.property("local.server.port"),
                    runner.property("server.address"),
                    runner.bean(org.mizan.dashboard.web.DashboardUsers.class).location(),
                    Boolean.parseBoolean(runner.property("mizan.dashboard.anonymous"))
                            ? "; anonymous visitors allowed: demo only"
                            : "");
            Scheduler scheduler = runner.bean(Scheduler.class);
            ScheduleSync.apply(scheduler, schedules).forEach(out::println);
            ScheduleSync.applyExtracts(scheduler, org.mizan.extract.Recipients.load(home))
                    .forEach(out::println);
            scheduler.start();
            var where = Schedules.location(home);
            out.printf(
                    "scheduler %s started with %d schedule(s) from %s; fires are logged in %s%n",
                    scheduler.getSchedulerInstanceId(),
                    schedules.size(),
                    where == null ? "the packaged config/schedules.yml" : where,
                    FireLog.file(home));
            for (Schedule s : schedules) {
                Date next = ScheduleSync.nextFire(scheduler, s);
                out.printf(
                        "  %-32s %-22s %-18s next %s%n",
                        s.key(), s.cron(), s.zone(), next == null ? "-" : next.toInstant());
            }
            out.flush();
            try {
                if (runFor != null) {
                    Thread.sleep(runFor.toMillis());
                } else {
                    new CountDownLatch(1).await();
                }
            } catch (InterruptedException e) {
                // stopped by the thread that started it (in-process, as tests do): a stop, not a failure
            }
            out.println("stopping the scheduler (waiting for a load under way)");
        }
        return MizanMain.OK;
    }
}
