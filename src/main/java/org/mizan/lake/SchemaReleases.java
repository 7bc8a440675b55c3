package org.mizan.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The rule of schemas/README.md: every schema in {@code schemas/} reads the lake files written with each of its
 * released versions ({@code schemas/released/<name>/v<N>.avsc}), as Avro's {@link SchemaCompatibility} judges it (a
 * field it adds has a default; a type changes only as Avro promotes it, or from required to optional), and keeps every
 * field a released version has (a lake column the warehouse and other engines read). The build checks it
 * (SchemaCompatibilityTest).
 */
public final class SchemaReleases {

    private SchemaReleases() {}

    /** One schema checked against one of its released versions; {@code reasons} empty when compatible. */
    public record Check(String schema, String version, List<String> reasons) {

        public boolean compatible() {
            return reasons.isEmpty();
        }

        @Override
        public String toString() {
            return "schemas/" + schema + ".avsc against schemas/released/" + schema + "/" + version + ".avsc"
                    + (reasons.isEmpty() ? ": compatible" : ": " + String.join("; ", reasons));
        }
    }

    /** Every schema of {@code schemas} against every released version of it, by name then version. */
    public static List<Check> check(Path schemas) throws IOException {
        List<Check> out = new ArrayList<>();
        List<Path> current;
        try (Stream<Path> s = Files.list(schemas)) {
            current = s.filter(p -> p.getFileName().toString().endsWith(".avsc"))
                    .sorted()
                    .toList();
        }
        for (Path file : current) {
            String name = file.getFileName().toString().replaceFirst("\\.avsc$", "");
            Schema now = new Schema.Parser().parse(file.toFile());
            Path released = schemas.resolve("released").resolve(name);
            List<Path> versions = List.of();
            if (Files.isDirectory(released)) {
                try (Stream<Path> s = Files.list(released)) {
                    versions = s.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc"))
                            .sorted(Comparator.comparingInt(SchemaReleases::number))
                            .toList();
                }
            }
            if (versions.isEmpty()) {
                out.add(new Check(
                        name,
                        "v1",
                        List.of("no released version: copy schemas/" + name + ".avsc to schemas/released/" + name
                                + "/v1.avsc")));
                continue;
            }
            for (Path v : versions) {
                Schema old = new Schema.Parser().parse(v.toFile());
                List<String> reasons = new ArrayList<>();
                reasons.addAll(reasons(
                        "files written with it cannot be read with the current schema",
                        SchemaCompatibility.checkReaderWriterCompatibility(now, old)));
                for (Schema.Field f : old.getFields()) {
                    if (now.getField(f.name()) == null) {
                        reasons.add("field '" + f.name() + "' is removed: the lake's files and readers still have it"
                                + " (keep it; a field no longer filled becomes optional, with a default)");
                    }
                }
                out.add(new Check(name, v.getFileName().toString().replaceFirst("\\.avsc$", ""), reasons));
            }
        }
        return out;
    }

    private static int number(Path version) {
        String n = version.getFileName().toString();
        return Integer.parseInt(n.substring(1, n.length() - ".avsc".length()));
    }

    /** Avro's reasons, each with the field it is about (from the location, /fields/N) and its message. */
    private static List<String> reasons(String what, SchemaCompatibility.SchemaPairCompatibility pair) {
        List<String> out = new ArrayList<>();
        if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return out;
        }
        for (Incompatibility i : pair.getResult().getIncompatibilities()) {
            out.add(what + ": field " + field(pair, i) + ": " + i.getType() + " (" + i.getMessage() + ")");
        }
        return out;
    }

    /** The name of the field an incompatibility is located at ({@code /fields/3/type} is the reader's fourth field). */
    private static String field(SchemaCompatibility.SchemaPairCompatibility pair, Incompatibility i) {
        String[] parts = i.getLocation().split("/");
        if (parts.length >= 3 && parts[1].equals("fields") && parts[2].matches("\\d+")) {
            int pos = Integer.parseInt(parts[2]);
            List<Schema.Field> fields = pair.getReader().getFields();
            if (pos < fields.size()) {
                return "'" + fields.get(pos).name() + "'";
            }
        }
        return "at " + i.getLocation();
    }
}
