package org.mizan.extract.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The retry policy run through Spring's retry template with a back-off that records the delays the policy asks
 * for and returns 0: the test asserts every delay and never waits.
 */
class RetryPolicyTest {

    /** The delays the policy's back-off asked for, in order; the template is told to wait 0 ms instead. */
    private final List<Long> requested = new ArrayList<>();

    private BackOff recording(RetryPolicy policy) {
        return () -> {
            BackOffExecution e = policy.backOff().start();
            return () -> {
                long delay = e.nextBackOff();
                if (delay != BackOffExecution.STOP) {
                    requested.add(delay);
                    return 0;
                }
                return delay;
            };
        };
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void theRetryPolicyBacksOffByItsMultiplierUpToItsCeiling() {
        // given
        RetryPolicy policy = RetryPolicy.DEFAULT;

        // then
        assertThat(policy.attempts()).isEqualTo(4);
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(6));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(18));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofSeconds(54));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 1, Duration.ZERO))
                .hasMessage("retry attempts must be at least 1, not 0");
    }

    @Test
    void aDeliveryThatFailsTwiceSucceedsOnTheThirdAttemptAfterWaiting2And6Seconds() throws Exception {
        // given: the default policy, and a delivery that fails on attempts 1 and 2
        List<Integer> attempts = new ArrayList<>();

        // when
        String result = RetryPolicy.DEFAULT.run(
                "sftp://x",
                k -> {
                    attempts.add(k);
                    if (k < 3) {
                        throw new DeliveryException("connection refused " + k, null);
                    }
                    return "delivered on " + k;
                },
                recording(RetryPolicy.DEFAULT));

        // then
        assertThat(result).isEqualTo("delivered on 3");
        assertThat(attempts).containsExactly(1, 2, 3);
        assertThat(requested).containsExactly(2_000L, 6_000L);
    }

    @Test
    void aDeliveryThatAlwaysFailsGivesUpAfterEveryAttemptWithTheLastReason() {
        // given: 4 attempts, waits 2 s, 6 s, 18 s
        List<Integer> attempts = new ArrayList<>();

        // when / then
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.run(
                        "sftp://x",
                        k -> {
                            attempts.add(k);
                            throw new DeliveryException("connection refused " + k, null);
                        },
                        recording(RetryPolicy.DEFAULT)))
                .isInstanceOf(DeliveryException.class)
                .hasMessage("connection refused 4 (gave up after 4 attempts; the next run delivers it again)")
                .matches(e -> !((DeliveryException) e).isPermanent());
        assertThat(attempts).containsExactly(1, 2, 3, 4);
        assertThat(requested).containsExactly(2_000L, 6_000L, 18_000L);
    }

    @Test
    void theDelaysStopAtTheCeiling() {
        // given: 6 attempts, 1 s tripled, at most 10 s
        RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(1), 3.0, Duration.ofSeconds(10));

        // when / then
        assertThatThrownBy(() -> policy.run(
                        "sftp://x",
                        k -> {
                            throw new DeliveryException("timeout", null);
                        },
                        recording(policy)))
                .hasMessage("timeout (gave up after 6 attempts; the next run delivers it again)");
        assertThat(requested).containsExactly(1_000L, 3_000L, 9_000L, 10_000L, 10_000L);
    }

    @Test
    void oneAttemptIsNotRetried() {
        // given
        RetryPolicy once = new RetryPolicy(1, Duration.ofSeconds(2), 3.0, Duration.ofSeconds(60));

        // when / then
        assertThatThrownBy(() -> once.run(
                        "sftp://x",
                        k -> {
                            throw new DeliveryException("timeout", null);
                        },
                        recording(once)))
                .hasMessage("timeout (gave up after 1 attempt; the next run delivers it again)");
        assertThat(requested).isEmpty();
    }

    @Test
    void aPermanentFailureIsThrownAsItIsWithoutARetry() {
        // given
        DeliveryException refused = DeliveryException.permanent("host key refused");
        List<Integer> attempts = new ArrayList<>();

        // when / then
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.run(
                        "sftp://x",
                        k -> {
                            attempts.add(k);
                            throw refused;
                        },
                        recording(RetryPolicy.DEFAULT)))
                .isSameAs(refused);
        assertThat(attempts).containsExactly(1);
        assertThat(requested).isEmpty();
    }

    @Test
    void anUnexpectedExceptionIsThrownAsItIsWithoutARetry() {
        // given
        IllegalStateException bug = new IllegalStateException("bug");
        List<Integer> attempts = new ArrayList<>();

        // when / then
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.run(
                        "sftp://x",
                        k -> {
                            attempts.add(k);
                            throw bug;
                        },
                        recording(RetryPolicy.DEFAULT)))
                .isSameAs(bug);
        assertThat(attempts).containsExactly(1);
    }

    @Test
    void anInterruptWhileWaitingEndsTheDeliveryAsPermanent() {
        // given: the thread is interrupted while the template would wait after the first failure
        BackOff interrupting = () -> () -> {
            Thread.currentThread().interrupt();
            return 0;
        };

        // when / then
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.run(
                        "sftp://x",
                        k -> {
                            throw new DeliveryException("timeout", null);
                        },
                        interrupting))
                .isInstanceOf(DeliveryException.class)
                .hasMessage("delivery interrupted while waiting to retry; the next run delivers it again")
                .matches(e -> ((DeliveryException) e).isPermanent());
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }
}
