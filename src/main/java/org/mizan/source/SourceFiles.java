package org.mizan.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.CodingErrorAction;
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
        checkNotBinary(file);
        BufferedReader reader = reader(file, mapping);
        return mapping.isJsonLines() ? new JsonLinesSource(file.getFileName().toString(), reader, mapping)
                : new DelimitedSource(file.getFileName().toString(), reader, mapping);
    }

    private static void checkNotBinary(Path file) throws IOException {
        byte[] head = new byte[8192];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        boolean utf16 = n >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
        for (int i = 0; i < n && !utf16; i++) {
            if (head[i] == 0) {
                throw new MappingException(file + ": looks binary (a NUL byte at offset " + i + "), not a text export. "
                        + "Check that this is the right file (a spreadsheet must be saved as CSV, or use an xlsx mapping).");
            }
        }
    }

    /** A strict decoder: bytes that are not valid in the declared encoding fail instead of becoming '?'. */
    private static BufferedReader reader(Path file, Mapping mapping) throws IOException {
        PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 3);
        byte[] bom = new byte[3];
        int n = in.readNBytes(bom, 0, 3);
        boolean utf8Bom = n == 3 && bom[0] == (byte) 0xEF && bom[1] == (byte) 0xBB && bom[2] == (byte) 0xBF;
        if (!utf8Bom && n > 0) {
            in.unread(bom, 0, n);
        }
        var charset = utf8Bom ? StandardCharsets.UTF_8 : mapping.encoding();
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }
}
