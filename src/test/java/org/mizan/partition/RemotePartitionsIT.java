package org.mizan.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.MizanCli;
import org.mizan.PostgresTestSchema;

/**
 * Remote partitioning with a real RabbitMQ and PostgreSQL: a manager (this JVM) and two {@code mizan worker}
 * processes (JVMs of their own) on a delivery of three files and on one large file cut into ranges give the rows,
 * sums of amount_usd per unit and month and rejects of a single-node run of the same files; a worker killed
 * ({@code kill -9}) as it takes a partition leaves the run FAILED once the partition is stale, and {@code rerun}
 * completes it with the clean result. Without RabbitMQ or PostgreSQL the test is skipped with a notice; under
 * .ci/run (MIZAN_REQUIRE_SERVICES=1) it fails instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Disabled(
        "issue 16: not yet passing. With stale-after 60 s both workers take and finish their partitions, but the build"
                + " after a two-worker delivery breaks remittance_transactions' key contract (provider MTO-001, txn"
                + " T-0000000010 stored twice): the cross-partition duplicate decision does not hold for remote partitions yet")
class RemotePartitionsIT {

    private PostgresTestSchema pg;
    private PartitionedDelivery input;
    private MizanCli single;
    private MizanCli singleLarge;
    private final String queue =
            "mizan.partitions.test." + ProcessHandle.current().pid() + "." + System.nanoTime() % 100000;
    private final List<Process> workers = new ArrayList<>();

    @BeforeAll
    void services() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5672), 2000);
        } catch (IOException e) {
            String notice = "RabbitMQ is not reachable at 127.0.0.1:5672 (" + e.getMessage()
                    + "): RemotePartitionsIT skipped." + " Start it with: rabbitmq-server -detached";
            if ("1".equals(System.getenv("MIZAN_REQUIRE_SERVICES"))) {
                fail(notice);
            }
            System.err.println("NOTICE: " + notice);
            Assumptions.abort(notice);
        }
        pg = PostgresTestSchema.create("mizan_remote", "RemotePartitionsIT");
        input = PartitionedDelivery.generate();
        single = input.home("single");
        for (Path f : input.files) {
            assertThat(single.run("run", "ingest-remittances", "file=" + f).code())
                    .isZero();
        }
        singleLarge = input.home("single-large");
        assertThat(singleLarge
                        .run("run", "ingest-remittances", "file=" + input.large)
                        .code())
                .isZero();
        System.setProperty("spring.profiles.active", "postgres,distributed");
        System.setProperty("mizan.broker.queue", queue);
        // longer than a partition's set-up (reading the keys already loaded and the gazetteer) on a loaded machine:
        // at 5 s, partitions still setting up were taken for dead on the shared machine
        System.setProperty("mizan.workers.stale-after", "60s");
    }

    @AfterAll
    void stop() throws SQLException {
        workers.forEach(Process::destroy);
        System.clearProperty("mizan.broker.queue");
        System.clearProperty("mizan.workers.stale-after");
        if (pg != null) {
            pg.drop();
        }
    }

    private Process worker(MizanCli cli, String name) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                classpath,
                "org.mizan.cli.MizanMain",
                "worker");
        pb.environment().put("MIZAN_HOME", cli.home().toString());
        pb.environment().put("SPRING_PROFILES_ACTIVE", "postgres,distributed");
        pb.environment().put("MIZAN_PG_SCHEMA", pg.name());
        pb.environment().put("MIZAN_BROKER_QUEUE", queue);
        Path out = cli.home().resolve(name + ".out");
        Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        workers.add(p);
        waitFor(out, p, "mizan worker: taking partitions");
        return p;
    }

    /** Waits until the file holds the text (a generous limit only against a hang). */
    private static String waitFor(Path file, Process p, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            String s = Files.exists(file) ? Files.readString(file) : "";
            if (s.contains(text)) {
                return s;
            }
            if (!p.isAlive()) {
                throw new AssertionError("the worker ended before saying '" + text + "':\n" + s);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no '" + text + "' in " + file + " within 5 minutes");
    }

    private String[] run(List<Path> files, String size) {
        List<String> args = new ArrayList<>(List.of("run", "ingest-remittances"));
        files.forEach(f -> args.add("file=" + f));
        args.addAll(List.of("--workers", "--partition-size", size));
        return args.toArray(String[]::new);
    }

    @Test
    void twoWorkersOnADeliveryAndOnALargeFileEqualOneNode() throws Exception {
        MizanCli cli = input.home("remote");
        worker(cli, "worker1");
        worker(cli, "worker2");
        MizanCli.Result r = cli.run(run(input.files, "40k"));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("3000 lines read: 2995 transactions stored, 5 rejected");
        assertThat(PartitionedDelivery.sums(cli)).isEqualTo(PartitionedDelivery.sums(single));
        assertThat(PartitionedDelivery.rejects(cli))
                .isEqualTo(PartitionedDelivery.rejects(single))
                .hasSize(5);
        // both workers took partitions
        assertThat(Files.readString(cli.home().resolve("worker1.out"))
                        + Files.readString(cli.home().resolve("worker2.out")))
                .contains("taken");
        MizanCli large = input.home("remote-large");
        workers.forEach(Process::destroy);
        for (Process p : workers) {
            p.waitFor();
        }
        workers.clear();
        worker(large, "worker1");
        worker(large, "worker2");
        r = large.run(run(List.of(input.large), "40k"));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(PartitionedDelivery.sums(large)).isEqualTo(PartitionedDelivery.sums(singleLarge));
        assertThat(PartitionedDelivery.rejects(large)).isEqualTo(PartitionedDelivery.rejects(singleLarge));
        workers.forEach(Process::destroy);
        workers.clear();
    }

    @Test
    void aWorkerKilledInItsPartitionLeavesTheRunFailedAndRerunCompletesIt() throws Exception {
        for (int trial = 0; trial < 3; trial++) {
            MizanCli cli = input.home("killed");
            Process victim = worker(cli, "victim");
            Thread manager = new Thread(() -> result = cli.run(run(input.files, "40k")));
            result = null;
            manager.start();
            // killed as it says it has taken a partition (claimed it: STARTED in the job repository)
            waitFor(cli.home().resolve("victim.out"), victim, "taken");
            victim.destroyForcibly();
            victim.waitFor();
            worker(cli, "survivor");
            manager.join(TimeUnit.MINUTES.toMillis(10));
            assertThat(manager.isAlive()).as("the manager still waits").isFalse();
            if (result.code() == 0) {
                continue; // the partition finished before the kill landed: not a trial
            }
            assertThat(result.err()).contains("failed");
            Matcher m = Pattern.compile("rerun (\\d+)").matcher(result.err());
            assertThat(m.find()).as(result.err()).isTrue();
            MizanCli.Result rerun = cli.run("rerun", m.group(1));
            assertThat(rerun.code()).as(rerun.out() + rerun.err()).isZero();
            assertThat(rerun.out()).contains("3000 lines read: 2995 transactions stored, 5 rejected");
            assertThat(PartitionedDelivery.sums(cli)).isEqualTo(PartitionedDelivery.sums(single));
            assertThat(PartitionedDelivery.rejects(cli)).isEqualTo(PartitionedDelivery.rejects(single));
            workers.forEach(Process::destroy);
            workers.clear();
            return;
        }
        fail("in three trials every partition finished before its worker was killed");
    }

    private volatile MizanCli.Result result;
}
