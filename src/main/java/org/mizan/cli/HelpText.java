package org.mizan.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * {@code --help} wrapped to the terminal: a command's description is written in the source as lines; here its prose
 * lines are joined into paragraphs and wrapped at the help's width (the terminal's, when picocli can tell), so no
 * sentence breaks in the middle. Example lines (indented, or starting with {@code Example}, {@code mizan},
 * {@code ./mizan} or {@code -}) stay as they are. A command's {@code header} is its one-line summary in the parent's
 * command list only; its own help starts with the usage line, and its description says the same in full.
 */
final class HelpText {

    private HelpText() {}

    /** Installs the wrapping description on the command and every subcommand. */
    static void install(CommandLine cli) {
        cli.setUsageHelpAutoWidth(true);
        apply(cli);
    }

    private static void apply(CommandLine c) {
        if (c.getParent() != null) {
            c.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_HEADER, help -> "");
        }
        c.getHelpSectionMap()
                .put(
                        UsageMessageSpec.SECTION_KEY_DESCRIPTION,
                        help -> wrap(
                                List.of(c.getCommandSpec().usageMessage().description()),
                                help.commandSpec().usageMessage().width()));
        c.getSubcommands().values().forEach(HelpText::apply);
    }

    static String wrap(List<String> lines, int width) {
        List<String> blocks = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        for (String line : lines) {
            boolean verbatim = line.startsWith(" ")
                    || line.startsWith("Example")
                    || line.startsWith("mizan ")
                    || line.startsWith("./mizan")
                    || line.startsWith("-")
                    || line.isBlank();
            if (verbatim) {
                if (!prose.isEmpty()) {
                    blocks.add(fill(prose.toString(), width));
                    prose.setLength(0);
                }
                blocks.add(line);
            } else {
                prose.append(prose.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        if (!prose.isEmpty()) {
            blocks.add(fill(prose.toString(), width));
        }
        return blocks.isEmpty() ? "" : String.join(System.lineSeparator(), blocks) + System.lineSeparator();
    }

    private static String fill(String text, int width) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (String word : text.split(" +")) {
            if (column > 0 && column + 1 + word.length() > width) {
                out.append(System.lineSeparator());
                column = 0;
            } else if (column > 0) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }
}
