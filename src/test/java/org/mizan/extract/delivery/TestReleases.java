package org.mizan.extract.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Release directories written for the delivery tests, and what the tests compare them with. */
final class TestReleases {

    private TestReleases() {}

    /** A 3-file release, one in a sub-directory; {@code version} changes the manifest (and one file). */
    static Path small(Path dir, int version) throws IOException {
        Files.createDirectories(dir.resolve("parquet"));
        Files.writeString(
                dir.resolve("scorecard.csv"), "unit_code,period,score\nNP-P1,2024-Q1," + (60 + version) + "\n");
        byte[] parquet = new byte[5_000];
        for (int i = 0; i < parquet.length; i++) {
            parquet[i] = (byte) (i * 31 + version);
        }
        Files.write(dir.resolve("parquet/scorecard.parquet"), parquet);
        Files.writeString(dir.resolve("manifest.json"), "{\"release_version\":" + version + "}\n");
        return dir;
    }

    /** A release with a large file ({@code bytes} long), for cutting a connection in the middle of it. */
    static Path large(Path dir, int bytes) throws IOException {
        small(dir, 1);
        byte[] data = new byte[bytes];
        new java.util.Random(7).nextBytes(data);
        Files.write(dir.resolve("remittances.parquet"), data);
        return dir;
    }

    /** Every regular file under {@code dir}, by relative path, with its SHA-256. */
    static Map<String, String> checksums(Path dir) {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                sums.put(dir.relativize(file).toString().replace('\\', '/'), sha256(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sums;
    }

    static long size(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            long total = 0;
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names directly inside {@code dir}, sorted. */
    static java.util.List<String> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
