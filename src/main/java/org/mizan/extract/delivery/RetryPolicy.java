package org.mizan.extract.delivery;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How often a delivery is tried and how long it waits between tries: {@code attempts} in all, the first wait
 * {@code firstDelay}, each next one {@code multiplier} times longer, never more than {@code maxDelay}. Each failed
 * attempt is logged in one line (target, attempt k/n, reason, next delay). A permanent failure is not retried.
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

    /** The wait after failed attempt {@code attempt} (from 1). */
    public Duration delayAfter(int attempt) {
        double millis = firstDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }

    /** Runs {@code attempt} until it succeeds, fails permanently or has used every attempt; throws the last failure. */
    public <T> T run(String target, Attempt<T> attempt) throws DeliveryException {
        for (int k = 1; ; k++) {
            try {
                return attempt.run(k);
            } catch (DeliveryException e) {
                if (e.isPermanent()) {
                    LOG.warn(
                            "delivery to {} failed on attempt {}/{}, not retried: {}",
                            target,
                            k,
                            attempts,
                            e.getMessage());
                    throw e;
                }
                if (k >= attempts) {
                    LOG.warn(
                            "delivery to {} failed on attempt {}/{}, no attempt left: {}",
                            target,
                            k,
                            attempts,
                            e.getMessage());
                    throw new DeliveryException(
                            e.getMessage() + " (gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                                    + "; the next run delivers it again)",
                            e);
                }
                Duration delay = delayAfter(k);
                LOG.warn(
                        "delivery to {} failed on attempt {}/{}: {}; next attempt in {} ms",
                        target,
                        k,
                        attempts,
                        e.getMessage(),
                        delay.toMillis());
                sleep(delay);
            }
        }
    }

    private static void sleep(Duration delay) throws DeliveryException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(
                    "delivery interrupted while waiting to retry; the next run delivers it again", e, true);
        }
    }
}
