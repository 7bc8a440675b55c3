package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every {@code ./mizan} example of the README works against the demo's data: the units, regions and periods it names
 * are in the demo's warehouse with data, the runs, flags, sources, workflows, fixture files and mappings exist, and
 * the reading commands (query, flags, approvals, history, show, rejects, status) run with exit code 0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeExamplesIT {

    /** Commands that only read: the test runs them on the demo's home. */
    private static final Set<String> READING =
            Set.of("query", "flags", "approvals", "history", "show", "rejects", "status");
    /** A syntax line, not an example: {@code run <job> file=PATH [mapping=NAME]}. */
    private static final Pattern TEMPLATE = Pattern.compile("<.*|\\[.*|(.*=)?(PATH|NAME|FILE|DIR)");

    private static final Pattern INLINE = Pattern.compile("`(\\./mizan [^`]+)`");

    private MizanCli demo;
    private String status;

    @BeforeAll
    void runTheDemo() {
        // the demo's home as StatusAndDemoIT's demo left it (run once in this JVM; the demo only reads here)
        MizanCli.Result r = MizanCli.demo().result();
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        demo = MizanCli.demo().demoHome();
        status = demo.run("status").out();
    }

    @Test
    void theReadmeHasExamplesOfEveryKindChecked() throws Exception {
        List<List<String>> examples = examples(Files.readString(Path.of("README.md")));
        // the README's examples, counted so that a new block is not missed by the parser
        assertThat(examples).hasSizeGreaterThanOrEqualTo(45);
        assertThat(examples.stream().map(e -> e.get(0)).distinct())
                .contains(
                        "query",
                        "run",
                        "show",
                        "rejects",
                        "flags",
                        "review",
                        "rerun",
                        "backfill",
                        "approve",
                        "approvals",
                        "dashboard");
    }

    @Test
    void everyExampleNamesWhatTheDemoHasAndEveryReadingOneRuns() throws Exception {
        for (List<String> args : examples(Files.readString(Path.of("README.md")))) {
            String example = "./mizan " + String.join(" ", args);
            String command = args.get(0);
            for (int i = 1; i < args.size(); i++) {
                String a = args.get(i);
                String next = i + 1 < args.size() ? args.get(i + 1) : "";
                if (a.equals("--unit") || a.equals("--region")) {
                    assertUnitWithData(example, next, period(args));
                } else if (a.startsWith("region=")) {
                    assertUnitWithData(example, a.substring(7), period(args));
                } else if (a.equals("--source")) {
                    assertThat(status)
                            .as(example + ": source " + next + " in the demo's partitions")
                            .contains(" " + next + " ");
                } else if (a.equals("--workflow")) {
                    assertThat(Files.readString(Path.of("config/approvals.yml")))
                            .as(example)
                            .contains("- name: " + next + "\n");
                } else if (a.startsWith("file=fixtures/")) {
                    assertThat(Path.of(a.substring(5))).as(example).exists();
                } else if (a.startsWith("mapping=") || a.equals("--mapping")) {
                    String mapping = a.equals("--mapping") ? next : a.substring(8);
                    assertThat(Path.of("jobs", mapping + ".yml")).as(example).exists();
                }
            }
            if (Set.of("show", "rejects", "rerun", "abandon").contains(command)
                    && args.size() > 1
                    && args.get(1).matches("\\d+")) {
                assertThat(demo.run("show", args.get(1)).code())
                        .as(example + ": run " + args.get(1) + " in the demo")
                        .isZero();
            }
            if (command.equals("review")) {
                assertThat(demo.value("select count(*) from data_quality_flags where flag_id = '" + args.get(1) + "'"))
                        .as(example + ": a flag of the demo")
                        .isEqualTo("1");
            }
            if (READING.contains(command)) {
                MizanCli.Result r = demo.run(args.toArray(String[]::new));
                assertThat(r.code()).as(example + "\n" + r.out() + r.err()).isZero();
                if (args.contains("--unit") || command.equals("rejects")) {
                    assertThat(r.out())
                            .as(example + ": rows for what it names")
                            .doesNotContain("(0 rows)")
                            .isNotBlank();
                }
            }
        }
    }

    /** A unit of the demo's gazetteer, and (when the example names a period) one with transactions in that period. */
    private void assertUnitWithData(String example, String unit, String period) {
        assertThat(demo.value("select count(*) from admin_units where unit_code = '" + unit + "'"))
                .as(example + ": unit " + unit)
                .isEqualTo("1");
        if (period != null) {
            String months = period.matches("\\d{4}")
                    ? "period like '" + period + "-%'"
                    : period.matches("\\d{4}-Q\\d")
                            ? "period between '" + period.substring(0, 5)
                                    + String.format("%02d", 3 * (period.charAt(6) - '0') - 2) + "' and '"
                                    + period.substring(0, 5) + String.format("%02d", 3 * (period.charAt(6) - '0')) + "'"
                            : "period = '" + period + "'";
            assertThat(demo.value("select count(*) > 0 from remittance_inflows where unit_code = '" + unit + "' and "
                            + months))
                    .as(example + ": the demo has " + unit + "'s inflows in " + period)
                    .isEqualTo("true");
        }
    }

    private static String period(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--period") && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (args.get(i).startsWith("period=")) {
                return args.get(i).substring(7);
            }
        }
        return null;
    }

    /** The README's {@code ./mizan} examples (code blocks and inline code), as arguments, without comments and redirections. */
    static List<List<String>> examples(String readme) {
        List<String> lines = new ArrayList<>();
        boolean block = false;
        for (String line : readme.lines().toList()) {
            if (line.startsWith("```")) {
                block = !block;
            } else if (block
                    && line.contains("./mizan ")
                    && (!line.contains("#") || line.indexOf("./mizan ") < line.indexOf('#'))) {
                lines.add(line.substring(line.indexOf("./mizan ")));
            } else if (!block) {
                Matcher m = INLINE.matcher(line);
                while (m.find()) {
                    lines.add(m.group(1));
                }
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (String line : lines) {
            List<String> args = tokens(line.substring("./mizan ".length()));
            if (!args.isEmpty()
                    && args.stream().noneMatch(a -> TEMPLATE.matcher(a).matches())) {
                out.add(args);
            }
        }
        return out;
    }

    /** Shell words: double quotes kept together, up to a comment, a redirection or a pipe. */
    private static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            String word = m.group(1) != null ? m.group(1) : m.group(2);
            if (m.group(2) != null
                    && (word.startsWith("#") || word.equals(">") || word.equals("|") || word.equals("&&"))) {
                break;
            }
            out.add(word);
        }
        return out;
    }
}
