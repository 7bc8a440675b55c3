package org.mizan.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a source file the way its mapping says, after the checks that catch the wrong file early. */
public final class SourceFiles {

    private SourceFiles() {}

    /** Opens the file as records; fails with a message naming the file when it is missing, empty or binary. */
    public static RecordSource open(Path file, Mapping mapping) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new MappingException(file + ": no such file. Check the path given as file=.");
        }
        if (Files.size(file) == 0) {
            throw new MappingException(file + ": the file is empty. Ask the source to deliver it again.");
        }
        if ("xlsx".equals(mapping.format())) {
            // before the workbook reader opens it: a zip bomb, a DOCTYPE or a non-zip is refused by what it is
            ZipPrecheck.check(file, Limits.current());
            return new XlsxSource(file.getFileName().toString(), file, mapping);
        }
        InputFiles.Text text = InputFiles.openText(file);
        LineReader reader = new LineReader(
                text.in(),
                text.charset() != null ? text.charset() : mapping.encoding(),
                Limits.current().lineBytes());
        String name = file.getFileName().toString();
        return switch (mapping.format()) {
            case "jsonl" -> new JsonLinesSource(name, file.toString(), reader, mapping);
            case "pg_copy" -> new PgCopySource(name, file.toString(), reader, mapping);
            default -> new DelimitedSource(name, file.toString(), reader, mapping);
        };
    }
}
