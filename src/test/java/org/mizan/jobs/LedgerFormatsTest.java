package org.mizan.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mizan.config.UsageException;

/** How {@code ingest-ledgers} recognises a file without a mapping: XML by its root element, CSV by its header. */
class LedgerFormatsTest {

    @TempDir
    Path dir;

    private String detect(String name, String content) throws IOException {
        return DefaultMappings.detect("ingest-ledgers", Files.writeString(dir.resolve(name), content));
    }

    @Test
    void iatiXmlIsRecognisedByItsRootBehindABomADeclarationAndComments() throws IOException {
        assertThat(detect(
                        "a.xml",
                        "\uFEFF<?xml version=\"1.0\"?>\n<!-- d-portal export -->\n<iati-activities version=\"2.03\">"))
                .isEqualTo("defaults/iati-activities");
        assertThat(detect("b.txt", "<iati-activity><iati-identifier>X</iati-identifier></iati-activity>"))
                .isEqualTo("defaults/iati-activities");
        // a DOCTYPE does not hide the root: the reader then refuses the DOCTYPE with its own message
        assertThat(detect("c.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [ <!ENTITY a \"b\"> ]><iati-activities>"))
                .isEqualTo("defaults/iati-activities");
        assertThat(detect("d.xml", "<codelist name=\"Sector\">")).isEqualTo("defaults/iati-codelist");
    }

    @Test
    void ledgerAndPlanCsvsAreRecognisedByTheirHeaders() throws IOException {
        assertThat(detect(
                        "l.csv",
                        "project_id,title,unit_code,sector_code,initiative_level,entry_id,entry_date,entry_type,funder_type,"
                                + "funder_name,scheme,amount,currency\n"))
                .isEqualTo("defaults/ledger");
        assertThat(detect("p.csv", "plan_id,fiscal_year,unit_code,sector_code,planned_amount,currency\n"))
                .isEqualTo("defaults/plan-allocations");
    }

    @Test
    void anythingElseAsksForAMapping() throws IOException {
        Path rss = dir.resolve("feed.xml");
        Files.writeString(rss, "<rss/>");
        assertThatThrownBy(() -> DefaultMappings.detect("ingest-ledgers", rss))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("root element is <rss>");
        assertThatThrownBy(() -> detect("x.csv", "a,b,c\n"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("not a standard ledger file")
                .hasMessageContaining("mapping=NAME");
    }
}
