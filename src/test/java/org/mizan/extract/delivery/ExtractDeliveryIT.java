package org.mizan.extract.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mizan.MizanCli;

/**
 * {@code extract-region} delivering over SFTP to a real in-process server (Apache MINA SSHD): a server that is
 * down fails the run (exit 1) and keeps the release; the next run, with the server up, makes no new release but
 * delivers the pending one, byte for byte; and {@code serve} runs a recipient's schedule.
 */
class ExtractDeliveryIT {

    @Test
    void aFailedDeliveryIsReportedAndDeliveredByTheNextRunThenTheScheduleRuns() throws Exception {
        MizanCli cli = MizanCli.inTempHome("extract-sftp");
        cli.load("load-gazetteer", "world/admin_units.csv");
        cli.load("ingest-remittances", "world/remittances_2024-03.csv");
        cli.load("ingest-registries", "world/people.csv");
        Path root = MizanCli.tempDir("sftp-root");
        int downPort;
        try (ServerSocket s = new ServerSocket(0)) {
            downPort = s.getLocalPort();
        }
        System.setProperty("MIZAN_TEST_SFTP_PASSWORD", SftpTestServer.PASSWORD);
        Files.writeString(cli.home().resolve("extracts.yml"), config(downPort, null));

        MizanCli.Result down = cli.run("run", "extract-region", "region=NP-P2", "period=2024");
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err()).contains("delivery failed: NP-P2_2024_v1:").doesNotContain(SftpTestServer.PASSWORD);
        Path v1 = cli.home().resolve("extracts/madhesh/2024/v1");
        assertThat(Files.isRegularFile(v1.resolve("manifest.json"))).isTrue();
        assertThat(Files.exists(cli.home().resolve("extracts/madhesh/2024/v1.delivered")))
                .isFalse();

        try (SftpTestServer server =
                new SftpTestServer(root, SftpTestServer.ecKeyPair().getPublic())) {
            Path incoming = Files.createDirectories(root.resolve("incoming"));
            Files.writeString(cli.home().resolve("extracts.yml"), config(server.port(), null));
            MizanCli.Result up = cli.run("run", "extract-region", "region=NP-P2", "period=2024");
            assertThat(up.code()).as(up.err()).isZero();
            assertThat(Files.exists(cli.home().resolve("extracts/madhesh/2024/v2")))
                    .as("unchanged: no new release")
                    .isFalse();
            assertThat(TestReleases.list(incoming)).containsExactly("NP-P2_2024_v1");
            assertThat(TestReleases.checksums(incoming.resolve("NP-P2_2024_v1")))
                    .isEqualTo(TestReleases.checksums(v1));
            assertThat(Files.readString(cli.home().resolve("extracts/madhesh/2024/v1.delivered")))
                    .contains("NP-P2_2024_v1");

            // on schedule: every 2 seconds, a fixed period; serve fires it and the release is delivered
            Files.writeString(cli.home().resolve("extracts.yml"), config(server.port(), "2024-Q1"));
            MizanCli.Running serving = cli.start("serve", "--port", "0");
            org.mizan.Await.onChangeIn(
                    cli.home().resolve("logs"), "the scheduled extract is delivered and logged", () -> {
                        try {
                            Path log = cli.home().resolve("logs/schedule.log");
                            return TestReleases.list(incoming).contains("NP-P2_2024-Q1_v1")
                                    && Files.exists(log)
                                    && Files.readString(log).contains("extract-region NP-P2 2024-Q1: execution");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            assertThat(serving.stop().code()).isZero();
            assertThat(TestReleases.list(incoming)).containsExactly("NP-P2_2024-Q1_v1", "NP-P2_2024_v1");
            assertThat(Files.readString(cli.home().resolve("logs/schedule.log")))
                    .contains("extract:madhesh")
                    .contains("extract-region NP-P2 2024-Q1: execution");
        }
    }

    private static String config(int port, String scheduledPeriod) {
        return """
                recipients:
                  - id: madhesh
                    region: NP-P2
                    formats: [csv, parquet]
                """ + (scheduledPeriod == null ? "" : """
                    schedule:
                      cron: "0/2 * * * * ?"
                      period: %s
                """.formatted(scheduledPeriod))
                + """
                    delivery:
                      sftp:
                        host: 127.0.0.1
                        port: %d
                        user: %s
                        password-env: MIZAN_TEST_SFTP_PASSWORD
                        remote-dir: /incoming
                        timeout-seconds: 5
                      retry: {attempts: 2, first-delay-seconds: 0.05}
                """.formatted(port, SftpTestServer.USER);
    }
}
