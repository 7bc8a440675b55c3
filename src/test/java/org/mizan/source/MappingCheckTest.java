package org.mizan.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Mappings are checked on load: every refusal names the file, the line and the key, and says what was meant. */
class MappingCheckTest {

    private static Mapping parse(String yaml) {
        return MappingLoader.parse("m", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "jobs/m.yml");
    }

    private static String refusal(String yaml) {
        try {
            parse(yaml);
        } catch (MappingException e) {
            return e.getMessage();
        }
        throw new AssertionError("the mapping was accepted:\n" + yaml);
    }

    @Test
    void everyMappingShippedUnderJobsPassesTheCheck() throws IOException {
        // given every mapping of the repository
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("jobs"))) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        // when / then each loads
        for (Path p : files) {
            String name = Path.of("jobs").relativize(p).toString().replace(".yml", "");
            assertThat(MappingLoader.load(name).dataset()).as(name).isNotBlank();
        }
    }

    @Test
    void aMisspelledKeyIsRefusedWithItsLineAndWhatWasMeant() {
        assertThat(refusal("dataset: remittance_transactions\nformat: csv\ndelimeter: \";\"\n"))
                .isEqualTo("mapping jobs/m.yml, line 3: unknown key 'delimeter' (did you mean 'delimiter'?)");
        assertThat(refusal("dataset: remittance_transactions\nrequird: [txn_id]\n"))
                .isEqualTo("mapping jobs/m.yml, line 2: unknown key 'requird' (did you mean 'required'?)");
    }

    @Test
    void aValueOutsideItsSetIsRefused() {
        assertThat(refusal("dataset: remittance_transactions\nformat: jsnol\n"))
                .isEqualTo(
                        "mapping jobs/m.yml, line 2: format 'jsnol' is not one of [csv, iati_codelist, iati_xml, jsonl, pg_copy, xlsx]"
                                + " (did you mean 'jsonl'?)");
        assertThat(refusal("dataset: remitance_transactions\n"))
                .startsWith(
                        "mapping jobs/m.yml, line 1: dataset 'remitance_transactions' is not one Mizan loads: choose one of [admin_units,")
                .endsWith("(did you mean 'remittance_transactions'?)");
    }

    @Test
    void aColumnForAFieldTheSchemaLacksIsRefused() {
        assertThat(refusal("dataset: remittance_transactions\ncolumns:\n  txn_id: [ID]\n  ammount: [Sum]\n"))
                .isEqualTo(
                        "mapping jobs/m.yml, line 4: columns: 'ammount' is not a field of the dataset's Avro schema"
                                + " (did you mean 'amount'?) (a helper column must be used by templates:, exclude:, derive: or source_field:)");
    }

    @Test
    void aListWhereAMapBelongsIsRefusedNotAClassCastException() {
        assertThat(refusal("dataset: remittance_transactions\ncolumns:\n  - txn_id\n  - amount\n"))
                .isEqualTo("mapping jobs/m.yml, line 3: 'columns' takes a map (name: value, one per line), not a list");
        assertThat(refusal("dataset: remittance_transactions\nrequired: txn_id\n"))
                .isEqualTo("mapping jobs/m.yml, line 2: 'required' takes a list ([a, b]), not a single value");
    }

    @Test
    void everyErrorIsReportedOnItsOwnLine() {
        assertThat(refusal("dataset: remittance_transactions\ndelimeter: \";\"\nformat: jsnol\n")
                        .lines())
                .containsExactly(
                        "mapping jobs/m.yml, line 2: unknown key 'delimeter' (did you mean 'delimiter'?)",
                        "mapping jobs/m.yml, line 3: format 'jsnol' is not one of [csv, iati_codelist, iati_xml, jsonl, pg_copy, xlsx]"
                                + " (did you mean 'jsonl'?)");
    }

    @Test
    void brokenYamlNamesItsLine() {
        assertThat(refusal("dataset: remittance_transactions\ncolumns: {txn_id: [a\n"))
                .startsWith("mapping jobs/m.yml, line ");
    }

    @Test
    void theNewKeysAreRead() {
        Mapping m = parse(
                "dataset: admin_units\nformat: xlsx\nsheet: PSGC\nheader_row: 3\nheader_rows: 2\nfooter: '^Note.*'\n"
                        + "levels: [country, region]\nroot: {code: PH, name: Philippines}\n"
                        + "derive:\n  parent_code: {prefix: unit_code, lengths: [7, 5, 2], width: 10, nearest_existing: true, root: PH}\n");
        assertThat(m.table())
                .isEqualTo(new Mapping.Table("PSGC", 3, 2, m.table().footer()));
        assertThat(m.table().isFooter(new String[] {"", "Note: as of 2024"})).isTrue();
        assertThat(m.levelNames()).containsExactly("country", "region");
        assertThat(m.root()).isEqualTo(new Mapping.Root("PH", "Philippines"));
        assertThat(m.derived()).containsOnlyKeys("parent_code");
        assertThatThrownBy(() ->
                        parse("dataset: admin_units\nderive:\n  parent_code: {prefix: unit_code, lenghts: [2]}\n"))
                .hasMessage(
                        "mapping jobs/m.yml, line 3: unknown key 'derive.parent_code.lenghts' (did you mean 'lengths'?)");
    }

    @Test
    void theLocalLevelIsALevelNameOrANumber() {
        String levels =
                "dataset: admin_units\nlevels: [country, region, province, city/municipality, sub-municipality, barangay]\n";
        assertThat(parse(levels).localLevel()).isNull();
        assertThat(parse(levels + "local_level: Barangay\n").localLevel()).isEqualTo(5);
        assertThat(parse(levels + "local_level: 3\n").localLevel()).isEqualTo(3);
        assertThat(refusal(levels + "local_level: parish\n"))
                .isEqualTo("mapping jobs/m.yml, line 3: local_level 'parish' is neither a level"
                        + " number (0 to 12) nor one of levels [country, region, province, city/municipality, sub-municipality, barangay]"
                        + " (docs/formats.md, \"Level names and the local level\")");
        assertThat(refusal(levels + "local_level: 13\n"))
                .startsWith("mapping jobs/m.yml, line 3: local_level '13' is neither a level number");
        assertThat(refusal(levels + "local_level: [barangay]\n"))
                .startsWith("mapping jobs/m.yml, line 3: 'local_level' takes one value, not a ");
    }
}
