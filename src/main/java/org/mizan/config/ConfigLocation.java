package org.mizan.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a configuration file is read from: the file an environment variable (or system property) names, else
 * {@code MIZAN_HOME/<name>}, else the checkout's {@code config/<name>} ({@code MIZAN_REPO} or the working
 * directory); null means the copy packaged in the jar.
 */
public final class ConfigLocation {

    private ConfigLocation() {
    }

    public static Path find(MizanHome home, String env, String property, String name) {
        String named = System.getenv(env);
        if (named == null || named.isBlank()) {
            named = System.getProperty(property);
        }
        if (named != null && !named.isBlank()) {
            return Path.of(named).toAbsolutePath();
        }
        Path inHome = home.root().resolve(name);
        if (Files.isRegularFile(inHome)) {
            return inHome;
        }
        String repo = System.getenv("MIZAN_REPO");
        Path inRepo = (repo != null ? Path.of(repo) : Path.of("")).resolve("config").resolve(name).toAbsolutePath();
        return Files.isRegularFile(inRepo) ? inRepo : null;
    }
}
