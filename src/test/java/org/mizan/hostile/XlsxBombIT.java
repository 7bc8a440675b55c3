package org.mizan.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.MizanCli;
import org.mizan.source.MappingException;
import org.mizan.source.MappingLoader;
import org.mizan.source.SourceFiles;

/**
 * A workbook whose one sheet expands to more than a gigabyte (made here at run time, never committed) is refused
 * after inflating no more than its limit allows, naming the limit, by a load whose peak resident memory stays under
 * 600 MB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XlsxBombIT {

    private static final long GIB = 1L << 30;
    private static final long MB = 1_000_000;

    private Path dir;
    private Path bomb;

    @BeforeAll
    void makeTheWorkbook() throws IOException {
        dir = MizanCli.tempDir("xlsx-bomb");
        bomb = dir.resolve("registry_export.xlsx");
        long expanded = write(bomb, GIB);
        assertThat(expanded).isGreaterThanOrEqualTo(GIB);
    }

    @Test
    void theRefusalReadsNoMoreThanItsLimitWithTheRatioOrTheSizeLimitNamed() {
        // when / then: with the defaults the ratio stops it within its first megabytes
        MappingException byRatio = catchThrowableOfType(
                MappingException.class, () -> SourceFiles.open(bomb, MappingLoader.load(CorpusReader.XLSX_MAPPING)));
        assertThat(byRatio)
                .hasMessageStartingWith(
                        bomb + ": its part xl/worksheets/sheet1.xml expands more than 100 times its compressed size")
                .hasMessageEndingWith("If the file is right, raise the limit: MIZAN_MAX_XLSX_RATIO=200 (now 100).");
        // (the work is bounded by the limit, not by the file: the bytes it inflated before refusing, as it says them)
        long ratioBytes = number(byRatio.getMessage(), "compressed size \\((\\d+) bytes from ");
        assertThat(ratioBytes).isLessThan(16 * MB);
        // and with the ratio raised, the largest expanded workbook stops it
        System.setProperty("mizan.max-xlsx-ratio", "1000000");
        try {
            MappingException bySize = catchThrowableOfType(
                    MappingException.class,
                    () -> SourceFiles.open(bomb, MappingLoader.load(CorpusReader.XLSX_MAPPING)));
            assertThat(bySize)
                    .hasMessageStartingWith(
                            bomb
                                    + ": the workbook expands to more than 268435456 bytes (its part xl/worksheets/sheet1.xml alone to ")
                    .hasMessageEndingWith(
                            "If the file is right, raise the limit: MIZAN_MAX_XLSX_EXPANDED_BYTES=536870912 (now 268435456).");
            // it stopped at the first read past the limit (one buffer of 64 KiB at most), not at the part's end
            long sizeBytes = number(bySize.getMessage(), "alone to (\\d+) so far");
            assertThat(sizeBytes).isLessThanOrEqualTo(268_435_456L + (1 << 16));
            System.out.printf(
                    "XlsxBombIT: refused by the ratio after %d bytes inflated, by the expanded size after %d%n",
                    ratioBytes, sizeBytes);
        } finally {
            System.clearProperty("mizan.max-xlsx-ratio");
        }
    }

    /** The number the pattern's group captures in a refusal's message. */
    private static long number(String message, String pattern) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(message);
        assertThat(m.find()).as(message).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aLoadOfItFailsNamingTheLimitWithItsPeakMemoryUnder600Megabytes() throws Exception {
        // when: the whole command in a JVM of its own, so that its peak memory is the load's alone
        List<String> out = child(
                Map.of("MIZAN_MAX_XLSX_RATIO", "1000000"),
                "run",
                "ingest-remittances",
                "file=" + bomb,
                "mapping=" + CorpusReader.XLSX_MAPPING);
        // then
        String failed =
                out.stream().filter(l -> l.startsWith("  FAILED: ")).findFirst().orElseThrow();
        assertThat(failed)
                .startsWith("  FAILED: " + bomb + ": the workbook expands to more than 268435456 bytes")
                .endsWith("MIZAN_MAX_XLSX_EXPANDED_BYTES=536870912 (now 268435456).")
                .doesNotContain("Exception");
        long peakKb = Long.parseLong(out.stream()
                .filter(l -> l.startsWith("peak-rss-kb "))
                .findFirst()
                .orElseThrow()
                .substring(12));
        System.out.printf("XlsxBombIT: the failed load's peak RSS was %d MB%n", peakKb * 1024 / MB);
        assertThat(peakKb * 1024).isLessThan(600 * MB);
        assertThat(out.get(out.size() - 1)).isEqualTo("exit 1");
    }

    private List<String> child(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                RssProbe.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("MIZAN_HOME", dir.resolve("home").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        List<String> lines = new ArrayList<>(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList());
        // only against a hang: the output above ends when the process does
        assertThat(p.waitFor(org.mizan.Await.HANG.toMinutes(), TimeUnit.MINUTES))
                .isTrue(); // only against a hang
        lines.add("exit " + p.exitValue());
        return lines;
    }

    /** A minimal workbook whose sheet part holds at least {@code size} bytes of rows; returns the sheet's size. */
    static long write(Path file, long size) throws IOException {
        byte[] row = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[row.length * 20_000];
        for (int i = 0; i < 20_000; i++) {
            System.arraycopy(row, 0, chunk, i * row.length, row.length);
        }
        long written = 0;
        try (OutputStream f = Files.newOutputStream(file);
                ZipOutputStream z = new ZipOutputStream(new java.io.BufferedOutputStream(f, 1 << 20))) {
            z.setLevel(Deflater.BEST_SPEED);
            byte[] small = BadInputCorpus.workbook(BadInputCorpus.sheet(""), null);
            // the small workbook's parts first, its sheet replaced by the large one
            try (java.util.zip.ZipInputStream in =
                    new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(small))) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    if (!e.getName().equals("xl/worksheets/sheet1.xml")) {
                        z.putNextEntry(new ZipEntry(e.getName()));
                        z.write(in.readAllBytes());
                        z.closeEntry();
                    }
                }
            }
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] head =
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            .getBytes(StandardCharsets.US_ASCII);
            z.write(head);
            written += head.length;
            while (written < size) {
                z.write(chunk);
                written += chunk.length;
            }
            byte[] tail = "</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII);
            z.write(tail);
            written += tail.length;
            z.closeEntry();
        }
        return written;
    }
}
