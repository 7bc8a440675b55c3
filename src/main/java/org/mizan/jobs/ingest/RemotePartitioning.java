package org.mizan.jobs.ingest;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * partitions' ends from the job repository; a partition a worker started and that made no progress for
 * {@code mizan.workers.stale-after} (a worker killed) is marked FAILED, so the run fails instead of waiting, and
 * {@code rerun} sends only the partitions not completed.
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
    PartitionedIngestSteps.RemotePartitions remotePartitions(
            CachingConnectionFactory cf,
            RabbitAdmin admin,
            Queue queue,
            JobRepository repository,
            @Value("${mizan.workers.stale-after:120s}") Duration staleAfter,
            @Value("${mizan.workers.poll:1s}") Duration poll) {
        return () -> (splitter, manager) -> {
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
                while (true) {
                    try {
                        return done.get(poll.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        failStale(repository, manager, staleAfter);
                    }
                }
            } finally {
                wait.shutdownNow();
            }
        };
    }

    /** Marks FAILED the partitions of this run a worker started and then left without progress for too long. */
    static void failStale(JobRepository repository, StepExecution manager, Duration staleAfter) {
        JobExecution job = repository.getJobExecution(manager.getJobExecutionId());
        for (StepExecution s : job.getStepExecutions()) {
            if (!s.getStepName().startsWith(PartitionIngestStep.NAME + ":")
                    || s.getStatus() != BatchStatus.STARTED
                    || s.getLastUpdated() == null) {
                continue;
            }
            Duration idle = Duration.between(s.getLastUpdated(), LocalDateTime.now());
            if (idle.compareTo(staleAfter) > 0) {
                LOG.warn(
                        "partition {} of execution {}: no progress for {} s, its worker is gone: marked FAILED",
                        s.getStepName(),
                        job.getId(),
                        idle.toSeconds());
                s.setStatus(BatchStatus.FAILED);
                s.setExitStatus(ExitStatus.FAILED.addExitDescription(
                        "its worker stopped: no progress for " + idle.toSeconds() + " s (mizan.workers.stale-after is "
                                + staleAfter.toSeconds() + " s); rerun the run to send it again"));
                s.setEndTime(LocalDateTime.now());
                repository.update(s);
            }
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
            @Value("${mizan.worker.threads:1}") int threads) {
        return new Worker(cf, admin, queue, repository, step, threads);
    }

    /** Runs the partitions it takes from the queue; stops taking more and asks the running ones to stop on close. */
    public static final class Worker implements AutoCloseable {

        private final SimpleMessageListenerContainer container;
        private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();

        Worker(
                CachingConnectionFactory cf,
                RabbitAdmin admin,
                Queue queue,
                JobRepository repository,
                PartitionIngestStep step,
                int threads) {
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
                // claimed: STARTED from now, so the manager sees a worker that stops answering (a second claim fails on
                // the version)
                execution.setStatus(BatchStatus.STARTED);
                execution.setStartTime(LocalDateTime.now());
                try {
                    repository.update(execution);
                } catch (org.springframework.dao.OptimisticLockingFailureException e) {
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
        }
    }
}
