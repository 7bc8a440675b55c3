package org.mizan.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a source file the way its mapping says, after the checks that catch the wrong file early. */
public final class SourceFiles {

    private SourceFiles() {
    }

    /** Opens the file as records; fails with a message naming the file when it is missing, empty or binary. */
    public static RecordSource open(Path file, Mapping mapping) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new MappingException(file + ": no such file. Check the path given as file=.");
        }
        if (Files.size(file) == 0) {
            throw new MappingException(file + ": the file is empty. Ask the source to deliver it again.");
        }
        if ("xlsx".equals(mapping.format())) {
            return new XlsxSource(file.getFileName().toString(), file, mapping);
        }
        checkNotBinary(file);
        LineReader reader = reader(file, mapping);
        String name = file.getFileName().toString();
        return switch (mapping.format()) {
            case "jsonl" -> new JsonLinesSource(name, file.toString(), reader, mapping);
            case "pg_copy" -> new PgCopySource(name, file.toString(), reader, mapping);
            default -> new DelimitedSource(name, file.toString(), reader, mapping);
        };
    }

    private static void checkNotBinary(Path file) throws IOException {
        byte[] head = new byte[8192];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        boolean utf16 = n >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
        if (utf16) {
            throw new MappingException(file + ": is UTF-16 text (Excel's \"Unicode text\"), which Mizan does not read yet. "
                    + "Save it as CSV UTF-8, or convert it with: iconv -f UTF-16 -t UTF-8");
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                throw new MappingException(file + ": looks binary (a NUL byte at offset " + i + "), not a text export. "
                        + "Check that this is the right file (a spreadsheet must be saved as CSV, or use an xlsx mapping).");
            }
        }
    }

    /** A line reader in the declared encoding, or UTF-8 when the file starts with a UTF-8 byte-order mark. */
    private static LineReader reader(Path file, Mapping mapping) throws IOException {
        PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 3);
        byte[] bom = new byte[3];
        int n = in.readNBytes(bom, 0, 3);
        boolean utf8Bom = n == 3 && bom[0] == (byte) 0xEF && bom[1] == (byte) 0xBB && bom[2] == (byte) 0xBF;
        if (!utf8Bom && n > 0) {
            in.unread(bom, 0, n);
        }
        return new LineReader(in, utf8Bom ? StandardCharsets.UTF_8 : mapping.encoding());
    }
}
