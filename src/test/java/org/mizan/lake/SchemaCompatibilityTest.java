package org.mizan.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schemas' evolution rule (schemas/README.md), checked in the build: every schema in schemas/ against every
 * released version of it; and what the check says of a field added, removed or retyped (on a copy of schemas/).
 */
class SchemaCompatibilityTest {

    private static final Path SCHEMAS = Path.of("schemas");

    @Test
    void everySchemaIsCompatibleWithEachOfItsReleasedVersions() throws IOException {
        List<SchemaReleases.Check> checks = SchemaReleases.check(SCHEMAS);
        assertThat(checks.stream().filter(c -> !c.compatible()).map(Object::toString))
                .isEmpty();
        assertThat(checks.stream().map(c -> c.schema() + "/" + c.version()))
                .containsExactly(
                        "admin_unit/v1",
                        "admin_unit/v2",
                        "admin_unit/v3",
                        "admin_unit/v4",
                        "code_list_item/v1",
                        "corridor_aggregate/v1",
                        "corridor_aggregate/v2",
                        "corridor_cost/v1",
                        "funding_entry/v1",
                        "funding_entry/v2",
                        "fx_rate/v1",
                        "plan_allocation/v1",
                        "project/v1",
                        "project_place/v1",
                        "project_sector/v1",
                        "registry_person/v1",
                        "remittance_transaction/v1",
                        "service_delivery/v1");
    }

    @Test
    void anAddedOptionalFieldIsCompatible(@TempDir Path dir) throws IOException {
        Path schemas = copy(dir);
        edit(
                schemas,
                "\"name\": \"fee\"",
                line -> line + "\n    {\"name\": \"agent_id\", \"type\": [\"null\", \"string\"],"
                        + " \"default\": null},");
        assertThat(SchemaReleases.check(schemas))
                .allSatisfy(c -> assertThat(c.compatible()).as(c.toString()).isTrue());
    }

    @Test
    void aRemovedFieldFailsWithItsNameAndReason(@TempDir Path dir) throws IOException {
        Path schemas = copy(dir);
        edit(schemas, "\"name\": \"fee\"", line -> "");
        assertThat(failures(schemas))
                .containsExactly(
                        "schemas/remittance_transaction.avsc against schemas/released/remittance_transaction/v1.avsc:"
                                + " field 'fee' is removed: the lake's files and readers still have it"
                                + " (keep it; a field no longer filled becomes optional, with a default)");
    }

    @Test
    void aRetypedFieldFailsWithItsNameAndReason(@TempDir Path dir) throws IOException {
        Path schemas = copy(dir);
        edit(schemas, "\"name\": \"sent_at_offset_min\"", line -> line.replace("\"int\"", "\"string\""));
        assertThat(failures(schemas))
                .containsExactly(
                        "schemas/remittance_transaction.avsc against schemas/released/remittance_transaction/v1.avsc:"
                                + " files written with it cannot be read with the current schema: field 'sent_at_offset_min':"
                                + " TYPE_MISMATCH (reader type: STRING not compatible with writer type: INT)");
    }

    @Test
    void aNewFieldWithoutDefaultFails(@TempDir Path dir) throws IOException {
        Path schemas = copy(dir);
        edit(schemas, "\"name\": \"fee\"", line -> line + "\n    {\"name\": \"agent_id\", \"type\": \"string\"},");
        assertThat(failures(schemas))
                .containsExactly(
                        "schemas/remittance_transaction.avsc against schemas/released/remittance_transaction/v1.avsc:"
                                + " files written with it cannot be read with the current schema: field 'agent_id':"
                                + " READER_FIELD_MISSING_DEFAULT_VALUE (agent_id)");
    }

    private static List<String> failures(Path schemas) throws IOException {
        return SchemaReleases.check(schemas).stream()
                .filter(c -> !c.compatible())
                .map(Object::toString)
                .toList();
    }

    /** A copy of schemas/ with its released versions. */
    private static Path copy(Path dir) throws IOException {
        Path to = dir.resolve("schemas");
        try (Stream<Path> s = Files.walk(SCHEMAS)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(SCHEMAS.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** Rewrites the one line of the current remittance schema that contains {@code marker}. */
    private static void edit(Path schemas, String marker, java.util.function.UnaryOperator<String> change)
            throws IOException {
        Path file = schemas.resolve("remittance_transaction.avsc");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.stream().filter(l -> l.contains(marker))).hasSize(1);
        Files.write(
                file,
                lines.stream()
                        .map(l -> l.contains(marker) ? change.apply(l) : l)
                        .toList());
    }
}
