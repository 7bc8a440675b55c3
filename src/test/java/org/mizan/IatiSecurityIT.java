package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile IATI files: an external entity (would read a local file), a billion-laughs entity expansion (would fill
 * memory), and a 200 MB file made on the fly (must stream). Each ends in bounded memory, with a clear error that
 * leaves the lake as it was, or a clean load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IatiSecurityIT {

    private static final String SECRET = "mizan-secret-" + System.nanoTime();

    /**
     * The home of the three refused files: each load fails before anything is staged, so each test finds the lake as
     * empty as a new home's (and checks it is still empty after its own load); one application boots for the three.
     */
    private final MizanCli refused = MizanCli.inTempHome("refused");

    @Test
    void anExternalEntityIsRefusedAndNothingItPointsAtIsRead() throws IOException {
        // given a file whose title is an external entity pointing at a local file
        MizanCli cli = refused;
        Path dir = MizanCli.tempDir("xxe");
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        Path file = Files.writeString(dir.resolve("xxe.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE iati-activities [ <!ENTITY xxe SYSTEM "%s"> ]>
                <iati-activities version="2.03">
                 <iati-activity default-currency="USD">
                  <iati-identifier>XX-1</iati-identifier>
                  <title><narrative>&xxe;</narrative></title>
                  <transaction><transaction-type code="3"/><transaction-date iso-date="2024-01-01"/><value>1</value></transaction>
                 </iati-activity>
                </iati-activities>
                """.formatted(secret.toUri()));
        // when
        MizanCli.Result r = cli.run("run", "ingest-ledgers", "file=" + file);
        // then the load fails, says why and what to do, and nothing reached the lake or the output
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains("FAILED: " + file + ": the file declares a DOCTYPE (it ends on line 2)")
                .contains("reads no DTD or external entity")
                .doesNotContain(SECRET);
        assertThat(lakeFiles(cli)).isZero();
    }

    @Test
    void aBillionLaughsExpansionIsRefusedAtOnce() throws IOException {
        MizanCli cli = refused;
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append(" <!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        dtd.append("]>\n");
        Path file = Files.writeString(
                MizanCli.tempDir("laughs").resolve("laughs.xml"),
                "<?xml version=\"1.0\"?>\n" + dtd
                        + "<iati-activities version=\"2.03\"><iati-activity><iati-identifier>&lol9;</iati-identifier></iati-activity></iati-activities>\n");
        MizanCli.Result r = cli.run("run", "ingest-ledgers", "file=" + file);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED: " + file + ": the file declares a DOCTYPE (it ends on line 13)");
        assertThat(lakeFiles(cli)).isZero();
    }

    @Test
    void anUndeclaredEntityWithoutDoctypeIsAClearXmlError() throws IOException {
        MizanCli cli = refused;
        Path file = Files.writeString(MizanCli.tempDir("entity").resolve("entity.xml"), """
                <?xml version="1.0"?>
                <iati-activities version="2.03">
                 <iati-activity><iati-identifier>XX-1</iati-identifier><title><narrative>&xxe;</narrative></title></iati-activity>
                </iati-activities>
                """);
        MizanCli.Result r = cli.run("run", "ingest-ledgers", "file=" + file);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains("FAILED: " + file + ": line 3: not well-formed IATI XML")
                .contains("xxe");
        assertThat(lakeFiles(cli)).isZero();
    }

    @Test
    void a200MbFileStreamsThroughTheReaderInA64MbHeapAndLoadsWholeInA256MbOne() throws Exception {
        // given 200 MB of activities, written to disk as they are made
        Path file = MizanCli.tempDir("big").resolve("big.xml");
        long activities = IatiFiles.write(file, 200L * 1024 * 1024);
        assertThat(Files.size(file)).isGreaterThan(200L * 1024 * 1024);
        // when a JVM whose heap is a third of the file reads and checks every activity
        String scan = java("-Xmx64m", IatiScan.class.getName(), file.toString());
        // then it finishes without running out of memory: every activity gives 1 project, 2 sectors, 1 place, 2 entries
        assertThat(scan).startsWith("activities " + activities + " records " + 6 * activities + " rejects 0");
        // and the whole job (stage four datasets, publish, build the warehouse) loads it cleanly in a 256 MB heap
        Path home = MizanCli.tempDir("big-home");
        String run = java(
                "-Xmx256m",
                "-Dmizan.home=" + home,
                org.mizan.cli.MizanMain.class.getName(),
                "run",
                "ingest-ledgers",
                "file=" + file);
        assertThat(run)
                .contains(activities + " activities read: " + activities + " projects, " + 2 * activities
                        + " project sectors, " + activities + " project places, " + 2 * activities
                        + " funding entries stored, 0 rejected")
                .contains("COMPLETED");
        assertThat(new MizanCli(home).value("select count(*) from projects")).isEqualTo(String.valueOf(activities));
        Files.delete(file);
    }

    /** Runs a main class of this class path in a JVM of its own; fails unless it exits with 0. */
    private static String java(String heap, String... mainAndArgs) throws Exception {
        int at = mainAndArgs[0].startsWith("-D") ? 1 : 0;
        java.util.List<String> jvmArgs = new java.util.ArrayList<>(java.util.List.of(heap));
        jvmArgs.addAll(java.util.Arrays.asList(mainAndArgs).subList(0, at));
        String[] rest = java.util.Arrays.copyOfRange(mainAndArgs, at + 1, mainAndArgs.length);
        Process p = new ProcessBuilder(TestJvm.command(jvmArgs, mainAndArgs[at], rest))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static long lakeFiles(MizanCli cli) throws IOException {
        Path lake = cli.home().resolve("lake");
        if (!Files.isDirectory(lake)) {
            return 0;
        }
        try (var s = Files.walk(lake)) {
            return s.filter(p -> p.toString().endsWith(".parquet")
                            && !p.getFileName().toString().startsWith("_"))
                    .count();
        }
    }
}
