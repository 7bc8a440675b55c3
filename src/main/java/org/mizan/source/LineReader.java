package org.mizan.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a file line by line as bytes and decodes each line on its own, strictly: a byte sequence that is not
 * valid in the declared encoding is reported on the very line it is on (a reader that decodes ahead cannot say).
 * Works for every encoding in which '\n' is the byte 0x0A (UTF-8, Windows code pages, ISO-8859-x, KOI8).
 * A file whose first block has carriage returns and no line feed (old Mac exports) is read with '\r' as its line
 * end. A line longer than the limit stops the read ({@link LineTooLong}) before it is held in memory whole.
 */
final class LineReader implements Closeable {

    private final InputStream in;
    private final Charset charset;
    private final boolean utf8;
    private final CharsetDecoder decoder;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private final long maxLineBytes;
    private byte eol = '\n';
    private boolean eolKnown;
    /** The file offset of buf[0], and of the first NUL byte of the line last returned (-1: none). */
    private long base;

    private long nulAt = -1;

    LineReader(InputStream in, Charset charset) {
        this(in, charset, Limits.DEFAULTS.lineBytes());
    }

    LineReader(InputStream in, Charset charset, long maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
        this.in = in;
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The next line without its line break, or null at the end; throws when the line is not valid text. */
    String readLine() throws IOException {
        int end = lineEnd();
        if (end < 0) {
            return null;
        }
        String line = decode(pos, end);
        pos = end < limit ? end + 1 : limit;
        return line;
    }

    /**
     * Passes over the next line without decoding it, or returns false at the end: the lines before a restart's
     * resume point or a partition's first line, which another run or partition reads, cost a scan for the line
     * break only (each partition of a large file passes over every line before its own).
     */
    boolean skipLine() throws IOException {
        int end = lineEnd();
        if (end < 0) {
            return false;
        }
        pos = end < limit ? end + 1 : limit;
        nulAt = -1;
        return true;
    }

    /**
     * The index in {@code buf} of the next line's end (its line break, or {@code limit} for a last line without
     * one), or -1 when nothing is left; the line starts at {@code pos}.
     */
    private int lineEnd() throws IOException {
        int scanFrom = pos;
        if (!eolKnown) {
            findLineEnd();
            scanFrom = pos;
        }
        byte eol = this.eol;
        while (true) {
            for (int i = scanFrom; i < limit; i++) {
                if (buf[i] == eol) {
                    if (i - pos > maxLineBytes) {
                        throw new LineTooLong(maxLineBytes);
                    }
                    return i;
                }
            }
            if (eof) {
                return pos == limit ? -1 : limit;
            }
            if (limit - pos > maxLineBytes) {
                throw new LineTooLong(maxLineBytes);
            }
            scanFrom = limit - pos;
            fill();
        }
    }

    /** '\n', unless the first block has a carriage return and no line feed at all. */
    private void findLineEnd() throws IOException {
        while (!eof && limit - pos < 8192) {
            fill();
        }
        boolean cr = false;
        for (int i = pos; i < limit; i++) {
            if (buf[i] == '\n') {
                cr = false;
                break;
            }
            cr |= buf[i] == '\r';
        }
        eol = cr ? (byte) '\r' : (byte) '\n';
        eolKnown = true;
    }

    /** The file offset (in bytes, from 0) of the first NUL byte of the line last read, or -1 when it has none. */
    long nulOffset() {
        return nulAt;
    }

    /** A line longer than the limit: the file is refused with the line's number, which the caller knows. */
    static final class LineTooLong extends IOException {
        final long limit;

        LineTooLong(long limit) {
            super("a line longer than " + limit + " bytes");
            this.limit = limit;
        }
    }

    private void fill() throws IOException {
        if (pos > 0) {
            base += pos;
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    private String decode(int from, int to) throws CharacterCodingException {
        int end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
        nulAt = -1;
        for (int i = from; i < end; i++) {
            if (buf[i] == 0) {
                nulAt = base + i;
                break;
            }
        }
        if (utf8) {
            String s = new String(buf, from, end - from, StandardCharsets.UTF_8);
            // the fast decoder replaces bad bytes with U+FFFD: only then check strictly (the file may hold a real
            // U+FFFD)
            if (s.indexOf('\uFFFD') < 0) {
                return s;
            }
        }
        return decoder.decode(ByteBuffer.wrap(buf, from, end - from)).toString();
    }

    Charset charset() {
        return charset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
