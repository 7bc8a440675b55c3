package org.mizan.cli;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Map;
import org.mizan.MizanApplication;
import org.mizan.steward.Launches;
import org.mizan.steward.StaleRuns;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application once for a command and launches jobs in it, each with the file and mapping given. */
final class JobRunner implements Closeable {

    private final Applications.Lease lease;
    private final ConfigurableApplicationContext context;

    /** @param err where notices go (a run found marked running whose process is gone) */
    JobRunner(java.io.PrintWriter err) {
        this(err, WebApplicationType.NONE, true);
    }

    /**
     * @param web SERVLET only for {@code mizan serve} (the dashboard); every other command runs with none
     * @param args Spring properties as {@code --name=value} (e.g. {@code --server.port=0})
     */
    JobRunner(java.io.PrintWriter err, WebApplicationType web, String... args) {
        this(err, web, false, args);
    }

    /** @param shareable whether an application kept between commands may serve this one (see {@link Applications}) */
    private JobRunner(java.io.PrintWriter err, WebApplicationType web, boolean shareable, String... args) {
        SpringApplication app = new SpringApplication(MizanApplication.class);
        app.setWebApplicationType(web);
        app.setLogStartupInfo(false);
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        // application.yml says none; the command line outranks it
        all[args.length] = "--spring.main.web-application-type=" + web.name().toLowerCase(java.util.Locale.ROOT);
        this.lease = Applications.open(app, all, shareable);
        this.context = lease.context();
        try {
            // a run left STARTED by a process that is gone can only be rerun or abandoned once it is marked FAILED
            for (var e : new StaleRuns(repository(), detached()).markFailed()) {
                err.println("mizan: execution " + e.getId() + " ("
                        + e.getJobInstance().getJobName() + ") was still marked running,"
                        + " but its process is gone: marked FAILED (see ./mizan show " + e.getId() + ")");
            }
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /**
     * A runner for a command that loads (run, rerun, backfill): it first takes the home's lock, waiting for another
     * loading process on the same home to finish, and holds it until closed.
     */
    static JobRunner forLoad(java.io.PrintWriter err, String what) {
        org.mizan.config.HomeLock lock =
                org.mizan.config.HomeLock.acquire(org.mizan.config.MizanHome.fromEnvironment(), what, err);
        try {
            JobRunner runner = new JobRunner(err);
            runner.homeLock = lock;
            return runner;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private org.mizan.config.HomeLock homeLock;

    /** This command changes its application's state for itself (as {@code --reopen} does): it is lent to no other. */
    void keepApplicationToItself() {
        lease.keepToItself();
    }

    JobOperator operator() {
        return context.getBean(JobOperator.class);
    }

    JobExecution run(String job, Path file, String mapping) throws Exception {
        return launches().load(job, file, mapping, Map.of());
    }

    Launches launches() {
        return context.getBean(Launches.class);
    }

    /** A property of the running application (e.g. {@code local.server.port}), or null. */
    String property(String name) {
        return context.getEnvironment().getProperty(name);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The execution with that id, or null (the JDBC repository throws where the interface says null). */
    JobExecution execution(long id) {
        try {
            return repository().getJobExecution(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            return null;
        }
    }

    /** The execution with that id; a usage error naming the way to find ids when there is none. */
    JobExecution requireExecution(long id) {
        JobExecution e = execution(id);
        if (e == null) {
            throw new MizanMain.UsageException("no execution " + id + " (mizan history lists them)");
        }
        return e;
    }

    /** The steps that may outlive their run's process (remote partitions), or null without workers. */
    org.mizan.steward.DetachedSteps detached() {
        return context.getBeanProvider(org.mizan.steward.DetachedSteps.class).getIfAvailable();
    }

    JobRepository repository() {
        return context.getBean(JobRepository.class);
    }

    @Override
    public void close() {
        try {
            lease.close();
        } finally {
            if (homeLock != null) {
                homeLock.close();
            }
        }
    }
}
