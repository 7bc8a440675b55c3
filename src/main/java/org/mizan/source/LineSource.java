package org.mizan.source;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;

/**
 * What the text sources share: physical lines counted as they are read, bytes that are not valid in the declared
 * encoding reported with their line, blank and footer lines counted, and the skip a restart resumes with.
 */
abstract class LineSource implements RecordSource {

    protected final String file;
    protected final String path;
    protected final Mapping mapping;
    private final LineReader reader;
    protected long line;
    protected long skipped;

    /** @param file the name rows are reported under; @param path the full path error messages name */
    LineSource(String file, String path, LineReader reader, Mapping mapping) {
        this.file = file;
        this.path = path;
        this.reader = reader;
        this.mapping = mapping;
    }

    /** The next physical line, counted; null at the end. */
    protected final String readLine() throws IOException {
        try {
            String s = reader.readLine();
            if (s != null) {
                line++;
            }
            return s;
        } catch (LineReader.LineTooLong e) {
            throw tooLong(e);
        } catch (CharacterCodingException e) {
            throw new MappingException(path + ": line " + (line + 1) + " is not valid " + mapping.encoding()
                    + ". Declare the file's real encoding in mapping '" + mapping.name() + "' (e.g. encoding: "
                    + (mapping.encoding().equals(java.nio.charset.StandardCharsets.UTF_8) ? "windows-1251" : "UTF-8")
                    + ").");
        }
    }

    private MappingException tooLong(LineReader.LineTooLong e) {
        return new MappingException(path + ": line " + (line + 1) + " is longer than " + e.limit
                + " bytes, the longest line"
                + " Mizan reads (a field this long is no registry, remittance or ledger value: a damaged or hostile file?). "
                + Limits.raise(Limits.LINE_BYTES, e.limit));
    }

    /** Why the line last read cannot be a record because of a NUL byte in it, or null when it has none. */
    protected final String nulByte() {
        long at = reader.nulOffset();
        return at < 0
                ? null
                : "has a NUL byte (0x00) at byte offset " + at + " of the file: a damaged or binary export;"
                        + " the line was left out";
    }

    @Override
    public long skippedLines() {
        return skipped;
    }

    @Override
    public long linesConsumed() {
        return line;
    }

    @Override
    public void skipTo(long target, long skippedBefore) throws IOException {
        // lines before the resume point were checked by the run that was cut short, or are another partition's:
        // counted, not decoded
        try {
            while (line < target && reader.skipLine()) {
                line++;
            }
        } catch (LineReader.LineTooLong e) {
            throw tooLong(e);
        }
        skipped = skippedBefore;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
