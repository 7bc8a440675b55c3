package org.mizan.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The duplicate index keeps the first value of each key across growth, and tells keys apart. */
class KeyIndexTest {

    @Test
    void keepsTheFirstValueOfEveryKeyThroughManyResizes() {
        KeyIndex index = new KeyIndex();
        for (int i = 0; i < 300_000; i++) {
            assertThat(index.putIfAbsent("MTO-017\u0001T-" + i, i)).isEqualTo(-1);
        }
        assertThat(index.size()).isEqualTo(300_000);
        assertThat(index.putIfAbsent("MTO-017\u0001T-12345", 7)).isEqualTo(12345);
        assertThat(index.get("MTO-017\u0001T-299999")).isEqualTo(299_999);
        assertThat(index.get("MTO-018\u0001T-1")).isEqualTo(-1);
        assertThat(index.get("MTO-017\u0001T-300000")).isEqualTo(-1);
    }
}
