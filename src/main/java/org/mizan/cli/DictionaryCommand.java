package org.mizan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mizan.warehouse.DataDictionary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mizan dictionary [--write FILE]}: the public views and their columns, from the doc blocks in the SQL. */
@Command(
        name = "dictionary",
        mixinStandardHelpOptions = true,
        header = "Prints the data dictionary of the public views as Markdown.",
        description = {
            "Prints the data dictionary (every public view and column, with its meaning) as Markdown. It is",
            "kept in the SQL (the doc block above each view in warehouse/build/*.sql), stored in the warehouse as",
            "DuckDB comments, and rendered into warehouse/README.md by --write.",
            "Example: mizan dictionary --write warehouse/README.md"
        })
public class DictionaryCommand implements Callable<Integer> {

    @Option(
            names = "--write",
            paramLabel = "FILE",
            description = "rewrite the generated part of this README (between its dictionary markers)")
    Path write;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (write == null) {
            spec.commandLine().getOut().print(DataDictionary.markdown());
            return MizanMain.OK;
        }
        if (!Files.isRegularFile(write)) {
            throw new MizanMain.UsageException(write + ": no such file (give the checkout's warehouse/README.md)");
        }
        try {
            Files.writeString(write, DataDictionary.intoReadme(Files.readString(write)));
        } catch (IllegalStateException e) {
            throw new MizanMain.UsageException(write + ": " + e.getMessage());
        }
        spec.commandLine()
                .getOut()
                .println(
                        "wrote the data dictionary of " + DataDictionary.views().size() + " views into " + write);
        return MizanMain.OK;
    }
}
