package org.mizan.jobs.ingest;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.mizan.config.MizanHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;

/**
 * Profile {@code distributed}: the partitions of a partitioned ingest go over RabbitMQ (queue
 * {@value #QUEUE}) to {@code mizan worker} processes, which run {@link PartitionIngestStep} for each against the
 * shared job repository (PostgreSQL) and stage into the shared lake folder. The manager sends with Spring Batch's
 * {@link MessageChannelPartitionHandler} through a Spring Integration AMQP outbound endpoint and learns the
 * partitions' ends from the job repository. A worker beats for every partition it runs ({@link
 * PartitionHeartbeats}, every {@code mizan.workers.heartbeat}); a partition whose worker has not beaten for {@code
 * mizan.workers.dead-after} (a worker killed) is marked FAILED, and with it the partitions no worker has taken yet, so
 * the run fails instead of waiting, and {@code rerun} sends only the partitions not completed. When no worker takes
 * a partition and none moves at all for {@code mizan.workers.take-within} (no worker running), the run fails with
 * {@link NotTaken}. A manager killed while workers run leaves their partitions to them: its rerun waits for those
 * ({@link DetachedPartitions}) and sends the rest.
 */
@Configuration(proxyBeanMethods = false)
@Profile("distributed")
@EnableIntegration
public class RemotePartitioning {

    /** The queue's name unless {@code mizan.broker.queue} names another. */
    public static final String QUEUE = "mizan.partitions";

    private static final Logger LOG = LoggerFactory.getLogger(RemotePartitioning.class);

    @Bean
    CachingConnectionFactory mizanBroker(
            @Value("${mizan.broker.host:127.0.0.1}") String host,
            @Value("${mizan.broker.port:5672}") int port,
            @Value("${mizan.broker.user:guest}") String user,
            @Value("${mizan.broker.password:guest}") String password) {
        CachingConnectionFactory cf = new CachingConnectionFactory(host, port);
        cf.setUsername(user);
        cf.setPassword(password);
        return cf;
    }

    @Bean
    Queue mizanPartitionQueue(@Value("${mizan.broker.queue:" + QUEUE + "}") String name) {
        return new Queue(name, true);
    }

    @Bean
    RabbitAdmin mizanBrokerAdmin(CachingConnectionFactory cf) {
        RabbitAdmin admin = new RabbitAdmin(cf);
        admin.setAutoStartup(false); // declared when first used, so a command that never sends needs no broker
        return admin;
    }

    @Bean
    PartitionHeartbeats partitionHeartbeats(DataSource dataSource) {
        return new PartitionHeartbeats(dataSource);
    }

    @Bean
    DetachedPartitions detachedPartitions(
            JobRepository repository,
            PartitionHeartbeats heartbeats,
            @Value("${mizan.workers.dead-after:30s}") Duration deadAfter,
            @Value("${mizan.workers.poll:1s}") Duration poll) {
        return new DetachedPartitions(repository, heartbeats, deadAfter, poll);
    }

    @Bean
    PartitionedIngestSteps.RemotePartitions remotePartitions(
            CachingConnectionFactory cf,
            RabbitAdmin admin,
            Queue queue,
            JobRepository repository,
            PartitionHeartbeats heartbeats,
            MizanHome home,
            @Value("${mizan.workers.dead-after:30s}") Duration deadAfter,
            @Value("${mizan.workers.take-within:60s}") Duration takeWithin,
            @Value("${mizan.workers.poll:1s}") Duration poll) {
        return () -> (splitter, manager) -> {
            // partitions of earlier executions still on live workers were waited for before the restart
            // (DetachedPartitions, called by rerun), so every partition not completed is sent here
            admin.declareQueue(queue);
            RabbitTemplate template = new RabbitTemplate(cf);
            AmqpOutboundEndpoint out = new AmqpOutboundEndpoint(template);
            out.setRoutingKey(queue.getName());
            out.setExpectReply(false);
            DirectChannel requests = new DirectChannel();
            requests.subscribe(out);
            MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
            handler.setStepName(PartitionIngestStep.NAME);
            handler.setJobRepository(repository);
            handler.setMessagingOperations(new MessagingTemplate(requests));
            handler.setPollInterval(poll.toMillis());
            handler.setGridSize(1);
            handler.afterPropertiesSet();
            ExecutorService wait = Executors.newSingleThreadExecutor();
            try {
                Future<Collection<StepExecution>> done = wait.submit(() -> {
                    // the splitter asks the partitioner, which reads the run's parameters from the step's context
                    org.springframework.batch.core.scope.context.StepSynchronizationManager.register(manager);
                    try {
                        return handler.handle(splitter, manager);
                    } finally {
                        org.springframework.batch.core.scope.context.StepSynchronizationManager.close();
                    }
                });
                int completed = 0;
                Takers takers = new Takers(takeWithin);
                while (true) {
                    try {
                        Collection<StepExecution> ended = done.get(poll.toMillis(), TimeUnit.MILLISECONDS);
                        return awaitListed(repository, heartbeats, ended, deadAfter, poll);
                    } catch (TimeoutException e) {
                        int now = failDead(repository, heartbeats, manager, deadAfter, takers);
                        while (completed < now) {
                            // for the crash test: the manager killed while workers run (MIZAN_CRASH_AT=partitions:n)
                            CrashPoint.reached("partitions", ++completed, home.root());
                        }
                    }
                }
            } finally {
                wait.shutdownNow();
            }
        };
    }

    /**
     * Marks FAILED the partitions of this run whose worker stopped beating for longer than {@code deadAfter}; once a
     * partition of the run has failed, also those no worker has taken yet (the run fails anyway: it ends when the
     * running ones have, and a rerun sends every partition not completed). Returns the partitions completed so far.
     */
    static int failDead(
            JobRepository repository,
            PartitionHeartbeats heartbeats,
            StepExecution manager,
            Duration deadAfter,
            Takers takers) {
        JobExecution job = repository.getJobExecution(manager.getJobExecutionId());
        Map<Long, PartitionHeartbeats.Beat> beats = heartbeats.beats();
        takers.seen(job, beats, deadAfter);
        boolean failed = false;
        int completed = 0;
        List<StepExecution> waiting = new ArrayList<>();
        for (StepExecution s : job.getStepExecutions()) {
            if (!s.getStepName().startsWith(PartitionIngestStep.NAME + ":")) {
                continue;
            }
            if (s.getStatus() == BatchStatus.COMPLETED) {
                completed++;
            } else if (s.getStatus() == BatchStatus.STARTING) {
                waiting.add(s);
            } else if (s.getStatus() == BatchStatus.STARTED) {
                PartitionHeartbeats.Beat beat = beats.get(s.getId());
                // no row: a worker of an earlier version; its last progress stands for a beat
                Duration age = beat != null
                        ? beat.age()
                        : s.getLastUpdated() == null
                                ? Duration.ZERO
                                : Duration.between(s.getLastUpdated(), LocalDateTime.now());
                if (age.compareTo(deadAfter) > 0) {
                    String who = beat == null ? "its worker" : "its worker " + beat.worker();
                    LOG.warn(
                            "partition {} of execution {}: {} has not beaten for {} s: marked FAILED",
                            s.getStepName(),
                            job.getId(),
                            who,
                            age.toSeconds());
                    failed |= fail(
                            repository,
                            s,
                            who + " stopped: no heartbeat for " + age.toSeconds() + " s (mizan.workers.dead-after is "
                                    + deadAfter.toSeconds() + " s); rerun the run to send it again");
                }
            } else if (s.getStatus().isUnsuccessful()) {
                failed = true;
            }
        }
        if (failed) {
            for (StepExecution s : waiting) {
                fail(repository, s, "not taken: another partition of the run failed; rerun the run to send it again");
            }
        } else if (!waiting.isEmpty() && takers.idleTooLong()) {
            // no worker at all (or none left): the run fails with the partitions not taken, not waiting for ever
            waiting.sort(java.util.Comparator.comparing(StepExecution::getStepName));
            String first = waiting.get(0).getStepName().substring(PartitionIngestStep.NAME.length() + 1);
            String why = "no worker took partition " + first + " of execution " + job.getId() + " within "
                    + Takers.words(takers.takeWithin) + " (" + waiting.size() + " partition(s) not taken;"
                    + " MIZAN_WORKERS_TAKE_WITHIN): start mizan worker (same broker, job repository and MIZAN_HOME),"
                    + " then ./mizan rerun " + job.getId();
            boolean all = true;
            for (StepExecution s : waiting) {
                all &= fail(repository, s, why);
            }
            if (all) {
                LOG.warn(why);
                throw new NotTaken(why);
            }
            // a worker took one meanwhile: the run goes on, and fails with the ones marked once it has ended
        }
        return completed;
    }

    /** A run's partitions that no worker took within {@code mizan.workers.take-within}: the run fails with it. */
    public static final class NotTaken extends IllegalStateException {
        NotTaken(String message) {
            super(message);
        }
    }

    /**
     * Whether workers move: the last time the manager saw any worker beat (for any run: workers busy with another run
     * take this run's partitions next) or a partition of this run change, by the manager's own clock. Partitions
     * waiting while workers move are queued, not lost; only when nothing moved for {@code takeWithin} is no worker
     * taking them.
     */
    static final class Takers {

        private final Duration takeWithin;
        private Map<Long, String> last = Map.of();
        private long moved = System.nanoTime();

        Takers(Duration takeWithin) {
            this.takeWithin = takeWithin;
        }

        void seen(JobExecution job, Map<Long, PartitionHeartbeats.Beat> beats, Duration deadAfter) {
            Map<Long, String> now = new java.util.HashMap<>();
            for (StepExecution s : job.getStepExecutions()) {
                now.put(s.getId(), s.getStatus() + "/" + s.getVersion());
            }
            boolean beating = beats.values().stream().anyMatch(b -> b.age().compareTo(deadAfter) <= 0);
            if (beating || !now.equals(last)) {
                moved = System.nanoTime();
            }
            last = now;
        }

        boolean idleTooLong() {
            return System.nanoTime() - moved > takeWithin.toNanos();
        }

        static String words(Duration d) {
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
        }
    }

    /**
     * Waits until every completed partition has listed its staged files, which its worker does once it has finished
     * them, after the partition's end is recorded ({@link PartitionIngestStep}); a partition whose worker stopped
     * beating before listing them is marked FAILED (a rerun runs it again from its last checkpoint). Returns the
     * partitions as the job repository has them now.
     */
    static Collection<StepExecution> awaitListed(
            JobRepository repository,
            PartitionHeartbeats heartbeats,
            Collection<StepExecution> ended,
            Duration deadAfter,
            Duration poll)
            throws InterruptedException {
        while (true) {
            // the beats first: a worker lists the files, then ends its beat, so no beat and no list means it is gone
            Map<Long, PartitionHeartbeats.Beat> beats = heartbeats.beats();
            List<StepExecution> now = new ArrayList<>();
            int pending = 0;
            for (StepExecution e : ended) {
                StepExecution s = repository.getStepExecution(e.getId());
                if (s.getStatus() == BatchStatus.COMPLETED && !PartitionIngestStep.listed(s)) {
                    PartitionHeartbeats.Beat beat = beats.get(s.getId());
                    if (beat != null && beat.age().compareTo(deadAfter) <= 0) {
                        pending++;
                    } else {
                        fail(
                                repository,
                                s,
                                "its worker stopped after the partition's end and before listing its staged files;"
                                        + " rerun the run to send it again");
                    }
                }
                now.add(s);
            }
            if (pending == 0) {
                return now;
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** True when marked; false when its worker changed it meanwhile (the next poll sees what it became). */
    static boolean fail(JobRepository repository, StepExecution s, String why) {
        s.setStatus(BatchStatus.FAILED);
        s.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        s.setEndTime(LocalDateTime.now());
        try {
            repository.update(s);
            return true;
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            return false;
        }
    }

    /** The worker's side: a listener taking one partition at a time per thread from the queue. */
    @Bean
    @Profile("worker")
    Worker partitionWorker(
            CachingConnectionFactory cf,
            RabbitAdmin admin,
            Queue queue,
            JobRepository repository,
            PartitionIngestStep step,
            PartitionHeartbeats heartbeats,
            @Value("${mizan.worker.threads:1}") int threads,
            @Value("${mizan.workers.heartbeat:2s}") Duration beat) {
        return new Worker(cf, admin, queue, repository, step, threads, heartbeats, beat);
    }

    /** Runs the partitions it takes from the queue; stops taking more and asks the running ones to stop on close. */
    public static final class Worker implements AutoCloseable {

        private final SimpleMessageListenerContainer container;
        private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();
        private final PartitionHeartbeats heartbeats;
        private final ScheduledExecutorService beating = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mizan-heartbeat");
            t.setDaemon(true);
            return t;
        });
        private final String name = host() + ":" + ProcessHandle.current().pid();

        Worker(
                CachingConnectionFactory cf,
                RabbitAdmin admin,
                Queue queue,
                JobRepository repository,
                PartitionIngestStep step,
                int threads,
                PartitionHeartbeats heartbeats,
                Duration beat) {
            this.heartbeats = heartbeats;
            beating.scheduleWithFixedDelay(
                    () -> {
                        for (StepExecution e : running) {
                            try {
                                heartbeats.beat(e.getId());
                            } catch (RuntimeException x) {
                                // the database is unreachable for a moment: the next beat tries again
                                LOG.warn("heartbeat of step execution {} not written: {}", e.getId(), x.getMessage());
                            }
                        }
                    },
                    beat.toMillis(),
                    beat.toMillis(),
                    TimeUnit.MILLISECONDS);
            SimpleMessageConverter converter = new SimpleMessageConverter();
            converter.setAllowedListPatterns(
                    List.of("org.springframework.batch.integration.partition.*", "java.lang.*", "java.util.*"));
            container = new SimpleMessageListenerContainer(cf);
            container.setQueueNames(queue.getName());
            container.setConcurrentConsumers(threads);
            container.setPrefetchCount(1);
            container.setAutoStartup(false);
            container.setMessageListener(message -> {
                StepExecutionRequest request = (StepExecutionRequest) converter.fromMessage(message);
                // what Spring Batch's StepExecutionRequestHandler does, keeping the execution to stop it on SIGTERM
                StepExecution execution = repository.getStepExecution(request.getStepExecutionId());
                if (execution == null) {
                    return;
                }
                if (execution.getStatus() != BatchStatus.STARTING) {
                    // a request delivered again (a worker was killed before acknowledging it): the manager decides its
                    // fate
                    LOG.warn(
                            "partition {} (step execution {}) is {}, not waiting to start: left alone",
                            execution.getStepName(),
                            execution.getId(),
                            execution.getStatus());
                    return;
                }
                // claimed: the first heartbeat, then STARTED from now, so the manager sees a worker that stops beating
                // (a second claim fails on the version)
                heartbeats.start(execution.getId(), name);
                execution.setStatus(BatchStatus.STARTED);
                execution.setStartTime(LocalDateTime.now());
                try {
                    repository.update(execution);
                } catch (org.springframework.dao.OptimisticLockingFailureException e) {
                    heartbeats.end(execution.getId());
                    return;
                }
                running.add(execution);
                try {
                    say("partition " + execution.getStepName() + " (step execution " + execution.getId() + "): taken");
                    step.execute(execution);
                    say("partition " + execution.getStepName() + " (step execution " + execution.getId() + "): "
                            + execution.getStatus());
                } catch (org.springframework.batch.core.job.JobInterruptedException e) {
                    execution.setStatus(BatchStatus.STOPPED);
                    repository.update(execution);
                } catch (RuntimeException e) {
                    execution.addFailureException(e);
                    execution.setStatus(BatchStatus.FAILED);
                    repository.update(execution);
                } finally {
                    running.remove(execution);
                    heartbeats.end(execution.getId());
                }
            });
            this.admin = admin;
            this.queue = queue;
        }

        private final RabbitAdmin admin;
        private final Queue queue;

        /** A line on the worker's console and in the log: what it took and how that ended. */
        private static void say(String line) {
            LOG.info(line);
            System.out.println("mizan worker: " + line);
            System.out.flush();
        }

        public void start() {
            admin.declareQueue(queue);
            container.start();
        }

        /** Partitions in flight now. */
        public int running() {
            return running.size();
        }

        @Override
        public void close() {
            // take no more; a partition in flight stops at its next chunk, STOPPED and restartable
            running.forEach(StepExecution::setTerminateOnly);
            container.stop();
            beating.shutdownNow();
        }

        private static String host() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                return "worker";
            }
        }
    }
}
