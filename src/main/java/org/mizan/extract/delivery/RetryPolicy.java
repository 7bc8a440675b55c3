package org.mizan.extract.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How often a delivery is tried and how long it waits between tries: {@code attempts} in all, the first wait
 * {@code firstDelay}, each next one {@code multiplier} times longer, never more than {@code maxDelay}. Each failed
 * attempt is logged in one line (target, attempt k/n, reason, next delay). A permanent failure is not retried, nor is
 * anything but a {@link DeliveryException}. The tries are run by Spring's {@link RetryTemplate} with an
 * {@link ExponentialBackOff} (no jitter) built from these four values.
 */
public record RetryPolicy(int attempts, Duration firstDelay, double multiplier, Duration maxDelay) {

    /** 4 attempts, waiting 2 s, 6 s, 18 s between them (at most 60 s). */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(2), 3.0, Duration.ofSeconds(60));

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("retry attempts must be at least 1, not " + attempts);
        }
        if (firstDelay.isNegative() || maxDelay.isNegative() || multiplier < 1.0) {
            throw new IllegalArgumentException("retry delays must not be negative and the multiplier at least 1");
        }
    }

    /** One try of a delivery, told its number (from 1). */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(int attempt) throws DeliveryException;
    }

    /** The waits between the attempts: {@code attempts - 1} of them, then none ({@link BackOffExecution#STOP}). */
    public BackOff backOff() {
        return exponential(attempts - 1);
    }

    /** The wait after failed attempt {@code attempt} (from 1), as if there were attempts enough. */
    public Duration delayAfter(int attempt) {
        BackOffExecution waits = exponential(attempt).start();
        long millis = 0;
        for (int k = 1; k <= attempt; k++) {
            millis = waits.nextBackOff();
        }
        return Duration.ofMillis(millis);
    }

    private ExponentialBackOff exponential(long waits) {
        ExponentialBackOff b = new ExponentialBackOff(firstDelay.toMillis(), multiplier);
        b.setMaxInterval(maxDelay.toMillis());
        b.setMaxAttempts(waits);
        return b;
    }

    /** Runs {@code attempt} until it succeeds, fails permanently or has used every attempt; throws the last failure. */
    public <T> T run(String target, Attempt<T> attempt) throws DeliveryException {
        return run(target, attempt, backOff());
    }

    /**
     * As {@link #run(String, Attempt)}, waiting what {@code waits} says between the attempts (Spring's template sleeps
     * for each delay the back-off returns: a test gives one that records the delays this policy asks for and
     * returns 0, and so asserts them without waiting).
     */
    <T> T run(String target, Attempt<T> attempt, BackOff waits) throws DeliveryException {
        AtomicInteger tried = new AtomicInteger();
        AtomicBoolean interrupted = new AtomicBoolean();
        String[] lastFailure = {null};
        BackOff logged = () -> {
            BackOffExecution e = waits.start();
            return () -> {
                long delay = e.nextBackOff();
                if (delay != BackOffExecution.STOP) {
                    LOG.warn(
                            "delivery to {} failed on attempt {}/{}: {}; next attempt in {} ms",
                            target,
                            tried.get(),
                            attempts,
                            lastFailure[0],
                            delay);
                }
                return delay;
            };
        };
        RetryTemplate template = new RetryTemplate(org.springframework.core.retry.RetryPolicy.builder()
                .backOff(logged)
                .predicate(e -> e instanceof DeliveryException d && !d.isPermanent())
                .build());
        template.setRetryListener(new RetryListener() {
            @Override
            public void onRetryPolicyInterruption(
                    org.springframework.core.retry.RetryPolicy policy, Retryable<?> retryable, RetryException e) {
                interrupted.set(true);
            }
        });
        try {
            return template.execute(new Retryable<T>() {
                @Override
                public T execute() throws DeliveryException {
                    int k = tried.incrementAndGet();
                    try {
                        return attempt.run(k);
                    } catch (DeliveryException e) {
                        lastFailure[0] = e.getMessage();
                        throw e;
                    }
                }

                @Override
                public String getName() {
                    return "delivery to " + target;
                }
            });
        } catch (RetryException e) {
            throw failure(target, tried.get(), interrupted.get(), e);
        }
    }

    private DeliveryException failure(String target, int tried, boolean interrupted, RetryException e) {
        if (interrupted) {
            return new DeliveryException(
                    "delivery interrupted while waiting to retry; the next run delivers it again", e, true);
        }
        Throwable last = e.getCause();
        if (last instanceof RuntimeException r) {
            throw r;
        }
        if (last instanceof Error r) {
            throw r;
        }
        if (!(last instanceof DeliveryException d)) {
            throw new IllegalStateException("delivery to " + target + " failed: " + last, last);
        }
        if (d.isPermanent()) {
            LOG.warn(
                    "delivery to {} failed on attempt {}/{}, not retried: {}", target, tried, attempts, d.getMessage());
            return d;
        }
        LOG.warn(
                "delivery to {} failed on attempt {}/{}, no attempt left: {}", target, tried, attempts, d.getMessage());
        return new DeliveryException(
                d.getMessage() + " (gave up after " + tried + (tried == 1 ? " attempt" : " attempts")
                        + "; the next run delivers it again)",
                d);
    }
}
