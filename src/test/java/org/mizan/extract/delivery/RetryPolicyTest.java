package org.mizan.extract.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

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
}
