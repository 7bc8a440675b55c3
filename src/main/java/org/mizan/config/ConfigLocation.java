package org.mizan.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.Yaml;

/**
 * Where a configuration file is read from: the file an environment variable (or system property) names, else
 * {@code MIZAN_HOME/<name>}, else the checkout's {@code config/<name>} ({@code MIZAN_REPO} or the working
 * directory); null means the copy packaged in the jar.
 */
public final class ConfigLocation {

    private ConfigLocation() {}

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
        Path inRepo = (repo != null ? Path.of(repo) : Path.of(""))
                .resolve("config")
                .resolve(name)
                .toAbsolutePath();
        return Files.isRegularFile(inRepo) ? inRepo : null;
    }

    /** A configuration file's YAML document, with the name its messages give it (null document: the file is empty). */
    public record Document(String name, Object yaml) {}

    /**
     * Reads as YAML the file {@link #find} names, else the copy of {@code config/<name>} packaged in the jar; null
     * when there is neither. {@code what} says in an I/O error what the file holds ("the schedules").
     */
    public static Document readYaml(MizanHome home, String env, String property, String name, String what) {
        Path file = find(home, env, property, name);
        String shown = file != null ? file.toString() : "config/" + name + " (packaged)";
        try (InputStream in = file != null
                ? Files.newInputStream(file)
                : ConfigLocation.class.getClassLoader().getResourceAsStream("config/" + name)) {
            return in == null ? null : new Document(shown, new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " in " + shown, e);
        }
    }
}
