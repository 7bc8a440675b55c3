package org.mizan.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mizan.jobs.ingest.RemotePartitioning;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mizan worker}: runs the partitions of partitioned ingests that managers send over RabbitMQ. */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        header = "Runs the ingest partitions a manager sends over RabbitMQ.",
        description = {
            "Takes partitions of ingest-remittances runs from RabbitMQ (queue mizan.partitions) and runs the ingest step",
            "of each: read its files' lines, check them, stage Parquet in the shared lake folder, record progress in the shared",
            "job repository. A manager sends them with: mizan run ingest-remittances file=… --workers. Start as many workers as",
            "machines (or cores); each needs the same job repository (PostgreSQL: SPRING_PROFILES_ACTIVE=postgres,distributed,",
            "MIZAN_PG_HOST …), the same broker (MIZAN_BROKER_HOST, MIZAN_BROKER_PORT, MIZAN_BROKER_USER, MIZAN_BROKER_PASSWORD;",
            "default 127.0.0.1:5672 guest) and the same MIZAN_HOME folder (the lake, its staging and the delivered files at the",
            "same paths). Runs until stopped: SIGTERM or Ctrl-C stops taking partitions and stops the one in flight at its next",
            "chunk, left for the manager's rerun. A worker beats for each partition it runs (every MIZAN_WORKERS_HEARTBEAT,",
            "default 2 s); one killed outright is noticed by the manager when its beat is older than MIZAN_WORKERS_DEAD_AFTER",
            "(default 30 s): the run fails, and ./mizan rerun N sends its unfinished partitions again.",
            "Example: SPRING_PROFILES_ACTIVE=postgres,distributed MIZAN_HOME=/shared/mizan mizan worker --threads 2"
        })
public class WorkerCommand implements Callable<Integer> {

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "1",
            description = "partitions run at once by this worker (default 1)")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) {
            throw new MizanMain.UsageException("--threads must be 1 or more");
        }
        String profiles = System.getProperty(
                "spring.profiles.active", System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", ""));
        if (!profiles.contains("postgres")) {
            throw new MizanMain.UsageException(
                    "a worker records its partitions in the managers' job repository: run it with"
                            + " SPRING_PROFILES_ACTIVE=postgres,distributed (and MIZAN_PG_HOST … naming the shared PostgreSQL server)");
        }
        JobRunner runner;
        try {
            runner = new JobRunner(
                    err,
                    org.springframework.boot.WebApplicationType.NONE,
                    "--spring.profiles.include=distributed,worker",
                    "--mizan.worker.threads=" + threads);
        } catch (RuntimeException e) {
            throw new MizanMain.UsageException(unreachable(
                    e,
                    "PostgreSQL (the job repository) at " + System.getenv().getOrDefault("MIZAN_PG_HOST", "127.0.0.1")
                            + ":" + System.getenv().getOrDefault("MIZAN_PG_PORT", "5432"),
                    "start it, or set MIZAN_PG_HOST/MIZAN_PG_PORT"));
        }
        try (runner) {
            RemotePartitioning.Worker worker = runner.bean(RemotePartitioning.Worker.class);
            try {
                worker.start();
            } catch (RuntimeException e) {
                throw new MizanMain.UsageException(unreachable(
                        e,
                        "RabbitMQ at " + runner.property("mizan.broker.host") + ":"
                                + runner.property("mizan.broker.port"),
                        "start it (rabbitmq-server -detached), or set MIZAN_BROKER_HOST/MIZAN_BROKER_PORT"));
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(
                    () -> {
                        worker.close();
                        stopped.countDown();
                    },
                    "mizan-worker-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out.printf(
                    "mizan worker: taking partitions from RabbitMQ %s:%s (queue %s), %d at a time; stop with SIGTERM or Ctrl-C%n",
                    runner.property("mizan.broker.host"),
                    runner.property("mizan.broker.port"),
                    runner.property("mizan.broker.queue"),
                    threads);
            out.flush();
            stopped.await();
            out.println("mizan worker: stopped");
        }
        return MizanMain.OK;
    }

    /** One plain line: what cannot be reached, why, and what to do. */
    static String unreachable(Throwable e, String what, String todo) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "cannot reach " + what + ": "
                + (root.getMessage() == null
                        ? root.getClass().getSimpleName()
                        : root.getMessage().strip().lines().findFirst().orElse(""))
                + "; " + todo;
    }
}
