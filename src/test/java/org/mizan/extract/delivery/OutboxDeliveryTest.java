package org.mizan.extract.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxDeliveryTest {

    private static final String NAME = "NP-P1_2024-Q1_v1";

    @TempDir
    Path tmp;

    @Test
    void deliversAReleaseByteForByteUnderItsNameWithNoTemporaryLeft() throws Exception {
        // given
        Path release = TestReleases.small(tmp.resolve("release"), 1);
        Path outbox = tmp.resolve("outbox");
        OutboxDelivery delivery = new OutboxDelivery(outbox);

        // when
        DeliveryReport report = delivery.deliver(release, NAME);

        // then
        assertThat(report).isEqualTo(new DeliveryReport("outbox:" + outbox, NAME, 3, 5_000 + 40 + 22, 1, false));
        assertThat(TestReleases.size(release)).isEqualTo(5_062);
        assertThat(TestReleases.list(outbox)).containsExactly(NAME);
        assertThat(TestReleases.checksums(outbox.resolve(NAME)))
                .isEqualTo(TestReleases.checksums(release))
                .containsOnlyKeys("manifest.json", "parquet/scorecard.parquet", "scorecard.csv");
    }

    @Test
    void aSecondDeliveryOfTheSameReleaseIsAlreadyDelivered() throws Exception {
        // given
        Path release = TestReleases.small(tmp.resolve("release"), 1);
        OutboxDelivery delivery = new OutboxDelivery(tmp.resolve("outbox"));
        delivery.deliver(release, NAME);

        // when
        DeliveryReport again = delivery.deliver(release, NAME);

        // then
        assertThat(again.alreadyDelivered()).isTrue();
        assertThat(again.summary())
                .isEqualTo("already delivered: " + NAME + " to outbox:" + tmp.resolve("outbox")
                        + " (3 files, 5062 bytes, 1 attempt)");
        assertThat(TestReleases.list(tmp.resolve("outbox"))).containsExactly(NAME);
    }

    @Test
    void aLeftoverTemporaryFromACrashIsRemovedBeforeTheCopy() throws Exception {
        // given: a crash left half a copy under the temporary name
        Path release = TestReleases.small(tmp.resolve("release"), 1);
        Path outbox = tmp.resolve("outbox");
        Path leftover = Files.createDirectories(outbox.resolve("." + NAME + ".part"));
        Files.writeString(leftover.resolve("scorecard.csv"), "unit_code,per");
        Files.writeString(leftover.resolve("stale.csv"), "from an older attempt");

        // when
        DeliveryReport report = new OutboxDelivery(outbox).deliver(release, NAME);

        // then
        assertThat(report.alreadyDelivered()).isFalse();
        assertThat(TestReleases.list(outbox)).containsExactly(NAME);
        assertThat(TestReleases.checksums(outbox.resolve(NAME))).isEqualTo(TestReleases.checksums(release));
    }

    @Test
    void aDifferentReleaseUnderADeliveredNameIsRefused() throws Exception {
        // given
        Path outbox = tmp.resolve("outbox");
        OutboxDelivery delivery = new OutboxDelivery(outbox);
        delivery.deliver(TestReleases.small(tmp.resolve("v1"), 1), NAME);
        Path other = TestReleases.small(tmp.resolve("other"), 2);

        // when / then
        assertThatThrownBy(() -> delivery.deliver(other, NAME))
                .isInstanceOf(DeliveryException.class)
                .hasMessage("outbox " + outbox + " already holds " + NAME + " with a different manifest.json; a"
                        + " delivered release is never replaced: deliver the new release under a new version name")
                .matches(e -> ((DeliveryException) e).isPermanent());
        assertThat(TestReleases.text(outbox.resolve(NAME).resolve("manifest.json")))
                .isEqualTo("{\"release_version\":1}\n");
        assertThat(TestReleases.list(outbox)).containsExactly(NAME);
    }

    @Test
    void aReleaseWithoutManifestOrABadNameIsRefusedSayingWhy() throws Exception {
        // given
        Path release = TestReleases.small(tmp.resolve("release"), 1);
        Files.delete(release.resolve("manifest.json"));
        OutboxDelivery delivery = new OutboxDelivery(tmp.resolve("outbox"));

        // when / then
        assertThatThrownBy(() -> delivery.deliver(release, NAME))
                .hasMessage("release directory " + release + " has no manifest.json: it is not a complete release;"
                        + " rerun the extract job to write it again");
        assertThatThrownBy(() -> delivery.deliver(release, "../elsewhere"))
                .hasMessageStartingWith("delivery name '../elsewhere' is not usable as a directory name");
        assertThat(Files.exists(tmp.resolve("outbox"))).isFalse();
    }

    @Test
    void describesItsFolder() {
        assertThat(new OutboxDelivery(tmp.resolve("outbox")).describe()).isEqualTo("outbox:" + tmp.resolve("outbox"));
    }
}
