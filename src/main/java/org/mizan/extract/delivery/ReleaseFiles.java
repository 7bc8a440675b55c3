package org.mizan.extract.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a local release directory, as relative paths with {@code /} separators, sorted, with
 * {@code manifest.json} last: the order in which a delivery publishes them when it must go file by file.
 */
record ReleaseFiles(Path dir, List<String> files, long bytes) {

    static final String MANIFEST = "manifest.json";

    /** Reads the release and checks the delivery name; a bad release or name is a permanent failure. */
    static ReleaseFiles of(Path releaseDir, String name) throws DeliveryException {
        checkName(name);
        if (!Files.isDirectory(releaseDir)) {
            throw DeliveryException.permanent("release directory " + releaseDir + " does not exist or is not a"
                    + " directory; run the extract job first, or give the path of a written release");
        }
        if (!Files.isRegularFile(releaseDir.resolve(MANIFEST))) {
            throw DeliveryException.permanent("release directory " + releaseDir + " has no " + MANIFEST
                    + ": it is not a complete release; rerun the extract job to write it again");
        }
        List<String> files = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(releaseDir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.add(releaseDir.relativize(file).toString().replace('\\', '/'));
                bytes += Files.size(file);
            }
        } catch (IOException e) {
            throw new DeliveryException(
                    "cannot read release directory " + releaseDir + ": " + e.getMessage()
                            + "; check that it is readable",
                    e,
                    true);
        }
        files.sort(Comparator.comparing((String f) -> f.equals(MANIFEST)).thenComparing(Comparator.naturalOrder()));
        return new ReleaseFiles(releaseDir, List.copyOf(files), bytes);
    }

    /** The sub-directories the files need, parents before children, as relative paths. */
    List<String> directories() {
        List<String> dirs = new ArrayList<>();
        for (String file : files) {
            for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
                String dir = file.substring(0, slash);
                if (!dirs.contains(dir)) {
                    dirs.add(dir);
                }
            }
        }
        return dirs;
    }

    Path local(String file) {
        return dir.resolve(file);
    }

    byte[] manifest() throws IOException {
        return Files.readAllBytes(dir.resolve(MANIFEST));
    }

    /** The temporary name a release is written under before its rename: hidden, and never a final name. */
    static String tempName(String name) {
        return "." + name + ".part";
    }

    private static void checkName(String name) throws DeliveryException {
        if (name == null
                || name.isBlank()
                || name.startsWith(".")
                || name.contains("/")
                || name.contains("\\")
                || name.endsWith(".part")
                || !name.equals(name.strip())) {
            throw DeliveryException.permanent("delivery name '" + name + "' is not usable as a directory name: give"
                    + " a plain name such as NP-P1_2024-Q1_v2 (no '/', no leading '.', no '.part' ending)");
        }
    }
}
