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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.Await;
import org.mizan.MizanCli;
import org.mizan.PostgresTestSchema;
import org.mizan.TestJvm;

/**
 * Remote partitioning with a real RabbitMQ and PostgreSQL: a manager (this JVM) and two {@code mizan worker}
 * processes (JVMs of their own) on a delivery of three files and on one large file cut into ranges give the rows,
 * sums of amount_usd per unit and month and rejects of a single-node run of the same files (a txn_id staged by two
 * partitions on two workers rejected once, as on one node); a worker killed ({@code kill -9}) at an announced point
 * of its partition (its staged files renamed, the checkpoint not recorded) leaves the run FAILED once its heartbeat
 * is older than {@code mizan.workers.dead-after}, and {@code rerun} sends only the partitions not completed and
 * gives the clean result; a manager killed while the workers run its partitions is rerun to the clean result (the
 * rerun waits for the partitions still live on workers and sends the others); a manager killed after a file's lake
 * commit and before its marker is rerun to the clean result, the file neither lost nor doubled; a run no worker
 * takes fails within {@code mizan.workers.take-within} with one line saying what to do, and its rerun with a worker
 * gives the clean result. Without RabbitMQ or PostgreSQL the test is skipped with a notice; under
 * .ci/run (MIZAN_REQUIRE_SERVICES=1) it fails instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemotePartitionsIT {

    private PostgresTestSchema pg;
    private PartitionedDelivery input;
    private MizanCli single;
    private MizanCli singleLarge;
    private final String queue =
            "mizan.partitions.test." + ProcessHandle.current().pid() + "." + System.nanoTime() % 100000;
    private final List<Process> workers = new ArrayList<>();

    /** How often a manager looks at its partitions in the job repository (mizan.workers.poll; 1 s by default). */
    private static final String POLL = "250ms";

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
        // the single node's results (on a job repository of its own), shared with the other partitioned tests
        single = input.single();
        singleLarge = input.singleLarge();
        System.setProperty("spring.profiles.active", "postgres,distributed");
        System.setProperty("mizan.broker.queue", queue);
        // workers beat every second (MIZAN_WORKERS_HEARTBEAT below) whatever their partition is doing: ten missed
        // beats is a dead worker even on this loaded machine
        System.setProperty("mizan.workers.dead-after", "10s");
        // the manager asks the job repository how its partitions stand four times a second rather than once: a run
        // ends (and a manager reaches its crash point) a fraction of a second after its last partition, not up to a
        // second later
        System.setProperty("mizan.workers.poll", POLL);
    }

    @org.junit.jupiter.api.AfterEach
    void stopWorkers() throws InterruptedException {
        // a worker left by a failed test would take the next test's partitions into its own home
        for (Process p : workers) {
            p.destroyForcibly();
            p.waitFor();
        }
        workers.clear();
    }

    @AfterAll
    void stop() throws SQLException {
        workers.forEach(Process::destroy);
        System.clearProperty("mizan.broker.queue");
        System.clearProperty("mizan.workers.dead-after");
        System.clearProperty("mizan.workers.poll");
        if (pg != null) {
            pg.drop();
        }
        // the test's own queue (durable: requests of failed runs may be left in it)
        com.rabbitmq.client.ConnectionFactory f = new com.rabbitmq.client.ConnectionFactory();
        f.setHost("127.0.0.1");
        try (com.rabbitmq.client.Connection c = f.newConnection();
                com.rabbitmq.client.Channel ch = c.createChannel()) {
            ch.queueDelete(queue);
        } catch (IOException | java.util.concurrent.TimeoutException e) {
            System.err.println("NOTICE: queue " + queue + " not deleted: " + e.getMessage());
        }
    }

    private Process worker(MizanCli cli, String name) throws Exception {
        return worker(cli, name, Map.of());
    }

    private Process worker(MizanCli cli, String name, Map<String, String> env) throws Exception {
        Process p = startWorker(cli, name, env);
        waitFor(cli.home().resolve(name + ".out"), p, "mizan worker: taking partitions");
        return p;
    }

    /** Workers started side by side (their JVMs boot at once), each waited for until it takes partitions. */
    private void workers(MizanCli cli, String... names) throws Exception {
        List<Process> started = new ArrayList<>();
        for (String name : names) {
            started.add(startWorker(cli, name, Map.of()));
        }
        for (int i = 0; i < names.length; i++) {
            waitFor(cli.home().resolve(names[i] + ".out"), started.get(i), "mizan worker: taking partitions");
        }
    }

    private Process startWorker(MizanCli cli, String name, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(TestJvm.mizan("-Xmx512m", "worker"));
        pb.environment().put("MIZAN_HOME", cli.home().toString());
        pb.environment().put("SPRING_PROFILES_ACTIVE", "postgres,distributed");
        pb.environment().put("MIZAN_PG_SCHEMA", pg.name());
        pb.environment().put("MIZAN_BROKER_QUEUE", queue);
        pb.environment().put("MIZAN_WORKERS_HEARTBEAT", "1s");
        pb.environment().putAll(env);
        Path out = cli.home().resolve(name + ".out");
        Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        workers.add(p);
        return p;
    }

    /** Waits until the file (in a home) holds the text, on every change in its folder; fails if the process ends. */
    private static String waitFor(Path file, Process p, String text) {
        String[] seen = {""};
        Await.onChangeIn(file.getParent(), "'" + text + "' in " + file, () -> {
            try {
                seen[0] = Files.exists(file) ? Files.readString(file) : "";
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (!seen[0].contains(text) && !p.isAlive()) {
                throw new AssertionError("the process ended before saying '" + text + "':\n" + seen[0]);
            }
            return seen[0].contains(text);
        });
        return seen[0];
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
        workers(cli, "worker1", "worker2");
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
        workers(large, "worker1", "worker2");
        r = large.run(run(List.of(input.large), "40k"));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(PartitionedDelivery.sums(large)).isEqualTo(PartitionedDelivery.sums(singleLarge));
        assertThat(PartitionedDelivery.rejects(large)).isEqualTo(PartitionedDelivery.rejects(singleLarge));
        workers.forEach(Process::destroy);
        workers.clear();
    }

    @Test
    void aWorkerKilledInItsPartitionLeavesTheRunFailedAndRerunSendsOnlyTheUnfinished() throws Exception {
        MizanCli cli = input.home("killed");
        // the victim stops in its first partition once its staged files are renamed and before that checkpoint is
        // recorded (one checkpoint a chunk at 100 rows), and says so in MIZAN_HOME/crash-point
        Process victim = worker(cli, "victim", Map.of("MIZAN_CHECKPOINT_ROWS", "100", "MIZAN_CRASH_AT", "renamed:1"));
        Thread manager = new Thread(() -> result = cli.run(run(input.files, "40k")));
        result = null;
        manager.start();
        Path marker = cli.home().resolve("crash-point");
        Await.onChangeIn(cli.home(), "the victim at its crash point", () -> Files.exists(marker));
        assertThat(Files.readString(marker).strip()).isEqualTo("renamed 1");
        String taken = waitFor(cli.home().resolve("victim.out"), victim, "taken");
        Matcher v = Pattern.compile("partition ingest-partition:(p\\d+) ").matcher(taken);
        assertThat(v.find()).as(taken).isTrue();
        victim.destroyForcibly();
        victim.waitFor();
        // a healthy worker takes what is left (the partitions the manager has not failed by then, and the rerun's)
        worker(cli, "survivor");
        manager.join(Await.HANG.toMillis());
        assertThat(manager.isAlive()).as("the manager still waits").isFalse();
        assertThat(result.code()).as(result.out() + result.err()).isEqualTo(1);
        Matcher m = Pattern.compile("rerun (\\d+)").matcher(result.err());
        assertThat(m.find()).as(result.err()).isTrue();
        Set<String> completedFirst = partitions(Long.parseLong(m.group(1)), "COMPLETED");
        assertThat(completedFirst).doesNotContain(v.group(1));
        int before = Files.readString(cli.home().resolve("survivor.out")).length();

        MizanCli.Result rerun = cli.run("rerun", m.group(1));
        assertThat(rerun.code()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.out()).contains("3000 lines read: 2995 transactions stored, 5 rejected");
        // only the partitions not completed were sent again: the victim's among them
        Set<String> sentAgain = new TreeSet<>();
        Matcher t = Pattern.compile("partition ingest-partition:(p\\d+) \\(step execution \\d+\\): taken")
                .matcher(Files.readString(cli.home().resolve("survivor.out")).substring(before));
        while (t.find()) {
            sentAgain.add(t.group(1));
        }
        assertThat(sentAgain).contains(v.group(1));
        assertThat(java.util.Collections.disjoint(sentAgain, completedFirst))
                .as("sent again %s, completed before %s", sentAgain, completedFirst)
                .isTrue();
        Set<String> all = new TreeSet<>(completedFirst);
        all.addAll(sentAgain);
        assertThat(all).hasSize(9);
        assertThat(PartitionedDelivery.sums(cli)).isEqualTo(PartitionedDelivery.sums(single));
        assertThat(PartitionedDelivery.rejects(cli)).isEqualTo(PartitionedDelivery.rejects(single));
        workers.forEach(Process::destroy);
        workers.clear();
    }

    @Test
    void aManagerKilledWhileWorkersRunIsRerunToTheCleanResult() throws Exception {
        // given two workers, the second paused in its first partition (its first checkpoint's files renamed) and
        // beating, and the manager killed once the first partition has completed
        MizanCli cli = input.home("manager-killed");
        // (both JVMs boot side by side; the manager starts once both take partitions)
        Process first = startWorker(cli, "worker1", Map.of());
        Process paused =
                startWorker(cli, "worker2", Map.of("MIZAN_CHECKPOINT_ROWS", "100", "MIZAN_PAUSE_AT", "renamed:1"));
        waitFor(cli.home().resolve("worker1.out"), first, "mizan worker: taking partitions");
        waitFor(cli.home().resolve("worker2.out"), paused, "mizan worker: taking partitions");
        Process manager = startManager(cli, "partitions:1");
        awaitManagerAt(cli, manager, "partitions:1", "partitions 1");
        Path pausePoint = cli.home().resolve("pause-point");
        Await.onChangeIn(cli.home(), "the second worker at its pause point", () -> Files.exists(pausePoint));
        Matcher taken = Pattern.compile("partition ingest-partition:(p\\d+) ")
                .matcher(waitFor(cli.home().resolve("worker2.out"), paused, "taken"));
        assertThat(taken.find()).isTrue();
        String live = taken.group(1);
        manager.destroyForcibly();
        manager.waitFor();
        long killed = lastPartitionedExecution();

        // when it is rerun: the rerun waits for the partition still live on its worker, which then goes on
        MizanCli.Running rerun = cli.start("rerun", String.valueOf(killed));
        rerun.awaitErr(Pattern.compile("partition\\(s\\) of execution " + killed + " still run on workers: waiting"));
        Files.createFile(cli.home().resolve("pause-point.resume"));
        MizanCli.Result r = rerun.result();

        // then the partition the live worker ran completed in the killed execution and counts, and was not sent
        // again; the result is a clean run's
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("3000 lines read: 2995 transactions stored, 5 rejected");
        assertThat(partitions(killed, "COMPLETED")).contains(live);
        assertThat(partitions(lastPartitionedExecution(), "COMPLETED")).doesNotContain(live);
        assertThat(PartitionedDelivery.sums(cli)).isEqualTo(PartitionedDelivery.sums(single));
        assertThat(PartitionedDelivery.rejects(cli)).isEqualTo(PartitionedDelivery.rejects(single));
    }

    @Test
    void aRunNoWorkerTakesFailsSayingWhatToDoAndItsRerunWithAWorkerGivesTheCleanResult() throws Exception {
        // given no worker at all, and partitions to be taken within 2 s (the event under test: whatever the machine's
        // speed, no worker takes them)
        MizanCli cli;
        MizanCli.Result r;
        System.setProperty("mizan.workers.take-within", "2s");
        try {
            cli = input.home("not-taken");
            r = cli.run(run(input.files, "40k"));
        } finally {
            System.clearProperty("mizan.workers.take-within");
        }
        // then the run fails, with one line naming the first partition and what to do
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        Matcher m = Pattern.compile("of execution (\\d+) ").matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        String id = m.group(1);
        assertThat(r.err().lines().filter(l -> !l.isBlank()))
                .containsExactly("mizan: no worker took partition p0000 of execution " + id + " within 2 s"
                        + " (9 partition(s) not taken; MIZAN_WORKERS_TAKE_WITHIN): start mizan worker (same broker,"
                        + " job repository and MIZAN_HOME), then ./mizan rerun " + id);
        assertThat(partitions(Long.parseLong(id), "FAILED")).hasSize(9);

        // when a worker is started and the run rerun (taking within the default time again)
        worker(cli, "worker1");
        MizanCli.Result rerun = cli.run("rerun", id);

        // then the result is a clean run's
        assertThat(rerun.code()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.out()).contains("3000 lines read: 2995 transactions stored, 5 rejected");
        assertThat(PartitionedDelivery.sums(cli)).isEqualTo(PartitionedDelivery.sums(single));
        assertThat(PartitionedDelivery.rejects(cli)).isEqualTo(PartitionedDelivery.rejects(single));
    }

    @Test
    void aManagerKilledAfterAFilesCommitAndBeforeItsMarkerIsRerunToTheCleanResult() throws Exception {
        // the second file of the delivery moved into the lake, neither recorded nor marked published
        managerKilledAt("publish-killed", "published:2", "published 2");
    }

    private void managerKilledAt(String name, String crashAt, String announced) throws Exception {
        MizanCli cli = input.home(name);
        workers(cli, "worker1", "worker2");
        Process manager = startManager(cli, crashAt);
        awaitManagerAt(cli, manager, crashAt, announced);
        manager.destroyForcibly();
        manager.waitFor();
        long killed = lastPartitionedExecution();
        MizanCli.Result rerun = cli.run("rerun", String.valueOf(killed));
        assertThat(rerun.code()).as(rerun.out() + rerun.err()).isZero();
        assertThat(PartitionedDelivery.sums(cli)).isEqualTo(PartitionedDelivery.sums(single));
        assertThat(PartitionedDelivery.rejects(cli)).isEqualTo(PartitionedDelivery.rejects(single));
    }

    /** A manager in a JVM of its own, on the delivery, to be killed at an announced point. */
    private Process startManager(MizanCli cli, String crashAt) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(TestJvm.mizan("-Xmx512m", run(input.files, "40k")));
        pb.environment().put("MIZAN_HOME", cli.home().toString());
        pb.environment().put("SPRING_PROFILES_ACTIVE", "postgres,distributed");
        pb.environment().put("MIZAN_PG_SCHEMA", pg.name());
        pb.environment().put("MIZAN_BROKER_QUEUE", queue);
        pb.environment().put("MIZAN_CRASH_AT", crashAt);
        pb.environment().put("MIZAN_WORKERS_POLL", POLL);
        return pb.redirectErrorStream(true)
                .redirectOutput(cli.home().resolve("manager.out").toFile())
                .start();
    }

    private static void awaitManagerAt(MizanCli cli, Process manager, String crashAt, String announced)
            throws IOException {
        Path marker = cli.home().resolve("crash-point");
        Await.onChangeIn(cli.home(), "the manager at " + crashAt, () -> {
            if (!manager.isAlive() && !Files.exists(marker)) {
                throw new AssertionError("the manager ended before " + crashAt + ": "
                        + cli.home().resolve("manager.out"));
            }
            return Files.exists(marker);
        });
        assertThat(Files.readString(marker).strip()).isEqualTo(announced);
    }

    /** The last partitioned run of the job repository (the tests run one at a time). */
    private long lastPartitionedExecution() throws SQLException {
        try (java.sql.Connection c = PostgresTestSchema.connect();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("select max(e.job_execution_id) from " + pg.name()
                        + ".batch_job_execution e join " + pg.name() + ".batch_job_instance i using (job_instance_id)"
                        + " where i.job_name = 'ingest-remittances-partitioned'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The partitions of a job execution that ended with a status. */
    private Set<String> partitions(long execution, String status) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (java.sql.Connection c = PostgresTestSchema.connect();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("select step_name from " + pg.name()
                        + ".batch_step_execution where step_name like 'ingest-partition:%' and status = '" + status
                        + "' and job_execution_id = " + execution)) {
            while (rs.next()) {
                out.add(rs.getString(1).substring("ingest-partition:".length()));
            }
        }
        return out;
    }

    private volatile MizanCli.Result result;
}
