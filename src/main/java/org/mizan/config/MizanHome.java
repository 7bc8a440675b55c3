package org.mizan.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one directory all runtime output goes under: lake, warehouse, job repository, quarantine, logs. */
public record MizanHome(Path root) {

    public static final String ENV = "MIZAN_HOME";

    /** {@code MIZAN_HOME} from the system property or environment, else {@code ./var}. */
    public static MizanHome fromEnvironment() {
        String value = System.getProperty("mizan.home");
        if (value == null || value.isBlank()) {
            value = System.getenv(ENV);
        }
        if (value == null || value.isBlank()) {
            value = "var";
        }
        return new MizanHome(Path.of(value).toAbsolutePath().normalize());
    }

    public Path lake() {
        return dir("lake");
    }

    public Path staging() {
        return dir("lake/_staging");
    }

    /** The staging folder of a run (a job instance): kept while the run may be rerun. */
    public Path staging(String jobName, long runId) {
        return staging().resolve(jobName + "-" + runId);
    }

    public Path warehouse() {
        return dir("warehouse");
    }

    public Path quarantine() {
        return dir("quarantine");
    }

    public Path repository() {
        return dir("repository");
    }

    public Path logs() {
        return dir("logs");
    }

    /** The published warehouse: a symbolic link switched atomically to the newest complete build. */
    public Path publishedWarehouse() {
        return warehouse().resolve("mizan.duckdb");
    }

    private Path dir(String name) {
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": check that MIZAN_HOME is writable", e);
        }
        return dir;
    }
}
