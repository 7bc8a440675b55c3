package org.mizan.extract.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Deliveries to a real SFTP server in-process: password and key, host key pinning, retries, cut connections. */
class SftpDeliveryIT {

    private static final String NAME = "NP-P1_2024-Q1_v1";
    /** The client's connect and read timeout: only against a hang (the server runs in this JVM), never reached. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(5));

    @TempDir
    Path tmp;

    private KeyPair clientKey;
    private SftpTestServer server;
    private Path incoming;

    @BeforeEach
    void start() throws Exception {
        clientKey = SftpTestServer.ecKeyPair();
        server = new SftpTestServer(tmp.resolve("server"), clientKey.getPublic());
        incoming = Files.createDirectories(server.root.resolve("incoming"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private SftpSettings password(String hostKey) {
        return new SftpSettings(
                "127.0.0.1",
                server.port(),
                SftpTestServer.USER,
                SftpTestServer.PASSWORD,
                null,
                hostKey,
                "/incoming",
                TIMEOUT);
    }

    private String target() {
        return "sftp://koshi@127.0.0.1:" + server.port() + "/incoming";
    }

    /** The server's incoming folder holds the release under its name, byte for byte, and nothing else. */
    private void assertDeliveredAsIs(Path release) throws Exception {
        assertThat(TestReleases.list(incoming)).containsExactly(NAME);
        assertThat(TestReleases.checksums(incoming.resolve(NAME))).isEqualTo(TestReleases.checksums(release));
    }

    private String hostFingerprint() {
        return HostKeyCheck.fingerprint(server.hostKey.getPublic());
    }

    @Test
    void deliversWithAPasswordByteForByteWithNoTemporaryLeft() throws Exception {
        // given
        Path release = TestReleases.small(tmp.resolve("release"), 1);
        SftpDelivery delivery = new SftpDelivery(password(hostFingerprint()), FAST);

        // when
        DeliveryReport report = delivery.deliver(release, NAME);

        // then
        assertThat(delivery.describe()).isEqualTo(target());
        assertThat(report).isEqualTo(new DeliveryReport(target(), NAME, 3, 5_062, 1, false));
        assertThat(TestReleases.list(incoming)).containsExactly(NAME);
        assertThat(TestReleases.checksums(incoming.resolve(NAME)))
                .isEqualTo(TestReleases.checksums(release))
                .containsOnlyKeys("manifest.json", "parquet/scorecard.parquet", "scorecard.csv");
    }

    @Test
    void deliversWithAPrivateKeyFileAndASecondDeliveryIsAlreadyDelivered() throws Exception {
        // given: the key as an OpenSSH private key file, no password
        Path keyFile = tmp.resolve("id_ecdsa");
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            new OpenSSHKeyPairResourceWriter().writePrivateKey(clientKey, "mizan", null, out);
        }
        SftpSettings settings = new SftpSettings(
                "127.0.0.1",
                server.port(),
                SftpTestServer.USER,
                null,
                keyFile,
                hostFingerprint(),
                "incoming/",
                TIMEOUT);
        Path release = TestReleases.small(tmp.resolve("release"), 1);
        SftpDelivery delivery = new SftpDelivery(settings, FAST);

        // when
        DeliveryReport first = delivery.deliver(release, NAME);
        DeliveryReport second = delivery.deliver(release, NAME);

        // then
        assertThat(first.alreadyDelivered()).isFalse();
        assertThat(second.alreadyDelivered()).isTrue();
        assertThat(second.attempts()).isEqualTo(1);
        assertThat(TestReleases.checksums(incoming.resolve(NAME))).isEqualTo(TestReleases.checksums(release));
        assertThat(TestReleases.list(incoming)).containsExactly(NAME);
    }

    @Test
    void aHostKeyOtherThanThePinnedOneIsRefusedAndNotRetried() throws Exception {
        // given
        String other = HostKeyCheck.fingerprint(SftpTestServer.ecKeyPair().getPublic());
        SftpDelivery delivery = new SftpDelivery(password(other), FAST);
        Path release = TestReleases.small(tmp.resolve("release"), 1);

        // when / then
        assertThatThrownBy(() -> delivery.deliver(release, NAME))
                .isInstanceOf(DeliveryException.class)
                .hasMessage("host key of 127.0.0.1:" + server.port() + " is " + hostFingerprint() + ", not " + other
                        + " as host-key says: refused. If the server's key was changed on purpose, confirm the new"
                        + " fingerprint with its administrator and update host-key in config/extracts.yml");
        assertThat(server.connections.get()).isEqualTo(1);
        assertThat(server.sessions.get()).isZero();
        assertThat(TestReleases.list(incoming)).isEmpty();
    }

    @Test
    void aServerThatRefusesTwiceIsDeliveredToOnTheThirdAttempt() throws Exception {
        // given
        server.refuseFirst.set(2);
        Path release = TestReleases.small(tmp.resolve("release"), 1);

        // when
        DeliveryReport report = new SftpDelivery(password(null), FAST).deliver(release, NAME);

        // then
        assertThat(report.attempts()).isEqualTo(3);
        assertThat(server.sessions.get()).isEqualTo(3);
        assertThat(TestReleases.checksums(incoming.resolve(NAME))).isEqualTo(TestReleases.checksums(release));
    }

    @Test
    void aServerThatRefusesTwiceFailsADeliveryOfTwoAttemptsWithoutShowingThePassword() throws Exception {
        // given
        server.refuseFirst.set(2);
        RetryPolicy twice = new RetryPolicy(2, Duration.ofMillis(1), 3.0, Duration.ofMillis(5));
        Path release = TestReleases.small(tmp.resolve("release"), 1);

        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);

        // when / then
        try {
            assertThatThrownBy(() -> new SftpDelivery(password(null), twice).deliver(release, NAME))
                    .isInstanceOf(DeliveryException.class)
                    .hasMessageStartingWith("delivery of " + NAME + " to sftp://koshi@127.0.0.1:" + server.port()
                            + "/incoming failed: ")
                    .hasMessageEndingWith("; check that the server is reachable and accepts user koshi (gave up after 2"
                            + " attempts; the next run delivers it again)")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SftpTestServer.PASSWORD))
                    .matches(e -> !((DeliveryException) e).isPermanent());
        } finally {
            root.detachAppender(log);
        }
        assertThat(log.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains(SftpTestServer.PASSWORD))
                .filteredOn(line -> line.startsWith("delivery to "))
                .hasSize(2)
                .allMatch(line -> line.contains("failed: SshException (No more authentication methods available)"))
                .satisfiesExactly(
                        first -> assertThat(first)
                                .startsWith("delivery to sftp://koshi@127.0.0.1:" + server.port()
                                        + "/incoming failed on attempt 1/2: ")
                                .endsWith("; next attempt in 1 ms"),
                        last -> assertThat(last).contains(" failed on attempt 2/2, no attempt left: "));
        assertThat(server.sessions.get()).isEqualTo(2);
        assertThat(TestReleases.list(incoming)).isEmpty();
    }

    @Test
    void aConnectionCutMidUploadLeavesNoFileUnderAFinalNameAndTheNextDeliveryCleansUp() throws Exception {
        // given: every session is cut after 1 MB of a 3 MB file
        Path release = TestReleases.large(tmp.resolve("release"), 3_000_000);
        server.cutAfterBytes.set(1_000_000);
        server.cutsLeft.set(Integer.MAX_VALUE);
        RetryPolicy twice = new RetryPolicy(2, Duration.ofMillis(1), 3.0, Duration.ofMillis(5));

        // when
        assertThatThrownBy(() -> new SftpDelivery(password(hostFingerprint()), twice).deliver(release, NAME))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("gave up after 2 attempts");

        // then: only the temporary holds anything, and its copy of the large file is partial
        String temp = "." + NAME + ".part";
        assertThat(TestReleases.list(incoming)).containsExactly(temp);
        Map<String, String> partial = TestReleases.checksums(incoming.resolve(temp));
        assertThat(partial).doesNotContainKey("manifest.json");
        assertThat(Files.size(incoming.resolve(temp).resolve("remittances.parquet")))
                .isLessThan(3_000_000);

        // when: the server behaves again
        server.cutsLeft.set(0);
        DeliveryReport report = new SftpDelivery(password(hostFingerprint()), twice).deliver(release, NAME);

        // then
        assertThat(report).isEqualTo(new DeliveryReport(target(), NAME, 4, 3_005_062, 1, false));
        assertDeliveredAsIs(release);
    }

    @Test
    void aConnectionCutOnceIsRecoveredByTheNextAttempt() throws Exception {
        // given
        Path release = TestReleases.large(tmp.resolve("release"), 3_000_000);
        server.cutAfterBytes.set(1_000_000);
        server.cutsLeft.set(1);

        // when
        DeliveryReport report = new SftpDelivery(password(null), FAST).deliver(release, NAME);

        // then
        assertThat(report).isEqualTo(new DeliveryReport(target(), NAME, 4, 3_005_062, 2, false));
        assertDeliveredAsIs(release);
    }

    @Test
    void aRenameThatSucceededBeforeTheConnectionDroppedCountsAsDelivered() throws Exception {
        // given
        server.dropAfterNextRename.set(true);
        Path release = TestReleases.small(tmp.resolve("release"), 1);

        // when
        DeliveryReport report = new SftpDelivery(password(null), FAST).deliver(release, NAME);

        // then
        assertThat(report).isEqualTo(new DeliveryReport(target(), NAME, 3, 5_062, 2, true));
        assertDeliveredAsIs(release);
    }

    @Test
    void aServerThatCannotRenameADirectoryGetsTheFilesMovedOneByOne() throws Exception {
        // given
        server.refuseDirectoryRename.set(true);
        Path release = TestReleases.small(tmp.resolve("release"), 1);

        // when
        DeliveryReport report = new SftpDelivery(password(null), FAST).deliver(release, NAME);

        // then
        assertThat(report).isEqualTo(new DeliveryReport(target(), NAME, 3, 5_062, 1, false));
        assertDeliveredAsIs(release);
    }

    @Test
    void aFinalNameWithoutManifestLeftByAnInterruptedFallbackIsPublishedAgain() throws Exception {
        // given: the fallback had moved one file when the connection dropped
        Files.createDirectories(incoming.resolve(NAME));
        Files.writeString(incoming.resolve(NAME).resolve("scorecard.csv"), "an earlier, interrupted delivery\n");
        Path release = TestReleases.small(tmp.resolve("release"), 1);

        // when
        DeliveryReport report = new SftpDelivery(password(null), FAST).deliver(release, NAME);

        // then
        assertThat(report).isEqualTo(new DeliveryReport(target(), NAME, 3, 5_062, 1, false));
        assertDeliveredAsIs(release);
    }

    @Test
    void aDifferentReleaseUnderADeliveredNameIsRefusedAndNotRetried() throws Exception {
        // given
        SftpDelivery delivery = new SftpDelivery(password(null), FAST);
        delivery.deliver(TestReleases.small(tmp.resolve("v1"), 1), NAME);
        Path other = TestReleases.small(tmp.resolve("other"), 2);

        // when / then
        assertThatThrownBy(() -> delivery.deliver(other, NAME))
                .hasMessage(delivery.describe() + " already holds " + NAME + " with a different manifest.json; a"
                        + " delivered release is never replaced: deliver the new release under a new version name");
        assertThat(server.sessions.get()).isEqualTo(2);
        assertThat(TestReleases.text(incoming.resolve(NAME).resolve("manifest.json")))
                .isEqualTo("{\"release_version\":1}\n");
    }

    @Test
    void aMissingRemoteDirectoryIsNamed() throws Exception {
        // given
        SftpSettings settings = new SftpSettings(
                "127.0.0.1",
                server.port(),
                SftpTestServer.USER,
                SftpTestServer.PASSWORD,
                null,
                null,
                "/outgoing",
                TIMEOUT);
        Path release = TestReleases.small(tmp.resolve("release"), 1);

        // when / then
        assertThatThrownBy(() -> new SftpDelivery(settings, FAST).deliver(release, NAME))
                .hasMessage("remote directory /outgoing does not exist on " + settings.describe()
                        + "; create it on the server or correct remote-dir in config/extracts.yml");
        assertThat(server.sessions.get()).isEqualTo(1);
    }
}
