package org.mizan.source.iati;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mizan.source.MappingException;

/** The streaming IATI reader on the standard's annotated example (fixtures/real) and on small hand-made files. */
class IatiActivityReaderTest {

    private static final Path EXAMPLE = Path.of("fixtures/real/iati_activity-standard-example-annotated_2.03.xml");

    @Test
    void readsEveryElementMizanUsesFromTheStandardsExample() throws IOException {
        // given the standard's own example, every element used
        try (IatiActivityReader reader = new IatiActivityReader(EXAMPLE)) {
            // when
            IatiActivity a = reader.next();
            // then
            assertThat(a.id()).isEqualTo("AA-AAA-123456789-ABC123");
            assertThat(a.defaultCurrency()).isEqualTo("USD");
            assertThat(a.reportingOrg()).isEqualTo(new IatiActivity.Org("Organisation name", "AA-AAA-123456789", "40"));
            assertThat(a.title()).isEqualTo("Activity title");
            assertThat(a.statusCode()).isEqualTo("2");
            assertThat(a.dates())
                    .containsExactly(
                            java.util.Map.entry("1", "2012-04-15"),
                            java.util.Map.entry("2", "2012-04-28"),
                            java.util.Map.entry("3", "2015-12-31"));
            assertThat(a.countries())
                    .extracting(IatiActivity.Recipient::code, IatiActivity.Recipient::percentage)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("AF", "25"),
                            org.assertj.core.groups.Tuple.tuple("AG", "25"));
            assertThat(a.regions())
                    .extracting(IatiActivity.Recipient::code, IatiActivity.Recipient::vocabulary)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("489", "1"),
                            org.assertj.core.groups.Tuple.tuple("A1", "99"));
            assertThat(a.administrativeCodes()).containsExactly("1453782", "1453782");
            assertThat(a.sectors())
                    .extracting(
                            IatiActivity.Sector::vocabulary, IatiActivity.Sector::code, IatiActivity.Sector::percentage)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("2", "111", "50"),
                            org.assertj.core.groups.Tuple.tuple("2", "112", "50"),
                            org.assertj.core.groups.Tuple.tuple("99", "A1", "100"));
            assertThat(a.transactions()).hasSize(1);
            IatiActivity.Transaction t = a.transactions().get(0);
            assertThat(t)
                    .isEqualTo(new IatiActivity.Transaction(
                            265,
                            "1234",
                            "1",
                            "2012-01-01",
                            "1000",
                            "EUR",
                            "2012-01-01",
                            new IatiActivity.Org("Agency B", "BB-BBB-123456789", "10"),
                            new IatiActivity.Org("Agency A", "AA-AAA-123456789", "23"),
                            "2",
                            "111",
                            "TM",
                            "616"));
            assertThat(reader.next()).isNull();
            assertThat(reader.activities()).isEqualTo(1);
        }
    }

    @Test
    void aFileWhoseRootIsNotIatiIsRefusedByName(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.xml"), "<?xml version=\"1.0\"?><rss><channel/></rss>");
        assertThatThrownBy(() -> new IatiActivityReader(file))
                .isInstanceOf(MappingException.class)
                .hasMessage(file + ": the root element is <rss>, not <iati-activities>: not an IATI activity file.");
    }

    @Test
    void aTruncatedFileIsAnErrorWithItsLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(
                dir.resolve("cut.xml"),
                "<iati-activities>\n <iati-activity>\n  <iati-identifier>X</iati-identifier>\n");
        try (IatiActivityReader reader = new IatiActivityReader(file)) {
            assertThatThrownBy(reader::next)
                    .isInstanceOf(MappingException.class)
                    .hasMessageStartingWith(file + ": line 4: not well-formed IATI XML");
        }
    }
}
