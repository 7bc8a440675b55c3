package org.mizan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A fresh clone describes its own input formats: README, jobs/README, docs/formats.md and every --help point inside it. */
class DocsInRepositoryTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#]+)\\)");

    @Test
    void theDocsLinkOnlyToFilesOfTheRepository() throws IOException {
        for (Path doc : List.of(Path.of("README.md"), Path.of("jobs/README.md"), Path.of("docs/formats.md"))) {
            String text = Files.readString(doc);
            assertThat(text).as(doc.toString()).doesNotContain("../shared").doesNotContain("shared/formats");
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                if (!m.group(1).startsWith("http")) {
                    assertThat(doc.resolveSibling(m.group(1)).normalize())
                            .as(doc + " links to " + m.group(1))
                            .exists();
                }
            }
        }
        assertThat(Files.readString(Path.of("README.md"))).contains("[`docs/formats.md`](docs/formats.md)");
    }

    @Test
    void noHelpPointsOutsideTheRepositoryAndRunHelpNamesTheFormatsPage() {
        CommandLine cli = new CommandLine(new MizanMain());
        for (String command : cli.getSubcommands().keySet()) {
            StringWriter out = new StringWriter();
            MizanMain.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), command, "--help");
            assertThat(out.toString()).as(command + " --help").doesNotContain("../");
        }
        StringWriter run = new StringWriter();
        MizanMain.execute(new PrintWriter(run), new PrintWriter(new StringWriter()), "run", "--help");
        assertThat(run.toString()).contains("docs/formats.md");
    }
}
