package org.mizan.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL files under {@code warehouse/} (packaged on the class path), read as text and split into statements. What a
 * placeholder in a build file stands for ({@code {{lake:dataset}}}, {@code {{param:name}}}) is filled in by the
 * warehouse build.
 */
public final class SqlFiles {

    private SqlFiles() {}

    public static String text(String name) {
        String resource = "warehouse/" + name;
        try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "missing SQL file " + resource + " (is the jar built from this checkout?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script into statements at semicolons that end a line; comment lines are dropped. */
    public static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (t.endsWith(";")) {
                out.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
