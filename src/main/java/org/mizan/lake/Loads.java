package org.mizan.lake;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What each unit of load in the lake is: the path the steward gave, the file's SHA-256, the job and run that
 * committed it ({@code lake/_loads/<unit>.properties}). A load of the same path replaces its unit and says what
 * it replaced; a file with the same content as another path's load is refused instead of counted twice.
 */
public final class Loads {

    /** One committed unit of load. */
    public record Load(String unit, String path, String sha256, String job, long run, String committedAt) {

        /** How a steward reads it: the file, its run and the start of its checksum. */
        public String describe() {
            return path + " (run " + run + ", " + committedAt + ", SHA-256 " + sha256.substring(0, 12) + "…)";
        }
    }

    private final Path dir;

    public Loads(Lake lake) {
        this.dir = lake.root().resolve("_loads");
    }

    /** True when a load of the unit was recorded (every load since loads had an identity is). */
    boolean recorded(String unit) {
        return Files.exists(dir.resolve(unit + ".properties"));
    }

    /** The unit's last committed load, if any. */
    public Optional<Load> of(String unit) throws IOException {
        Path f = dir.resolve(unit + ".properties");
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f)) {
            p.load(r);
        }
        return Optional.of(new Load(
                unit,
                p.getProperty("path"),
                p.getProperty("sha256"),
                p.getProperty("job"),
                Long.parseLong(p.getProperty("run")),
                p.getProperty("committed_at")));
    }

    /** A load of another unit whose file had exactly this content. */
    public Optional<Load> withContent(String sha256, String exceptUnit) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f :
                    s.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) {
                String unit = f.getFileName().toString().replaceFirst("\\.properties$", "");
                Optional<Load> load = of(unit);
                if (!unit.equals(exceptUnit)
                        && load.isPresent()
                        && sha256.equals(load.get().sha256())) {
                    return load;
                }
            }
        }
        return Optional.empty();
    }

    /** Records a committed load (written whole, then renamed into place). Call it under {@link Lake#exclusive}. */
    public void record(Load load) throws IOException {
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("path", load.path());
        p.setProperty("sha256", load.sha256());
        p.setProperty("job", load.job());
        p.setProperty("run", Long.toString(load.run()));
        p.setProperty("committed_at", load.committedAt());
        Path tmp = dir.resolve(load.unit() + ".properties.tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            p.store(w, "a unit of load of the lake: the file it was read from");
        }
        Files.move(
                tmp,
                dir.resolve(load.unit() + ".properties"),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Forgets a unit (its files are gone from the lake). */
    public void forget(String unit) throws IOException {
        Files.deleteIfExists(dir.resolve(unit + ".properties"));
    }
}
