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

    LineReader(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The next line without its line break, or null at the end; throws when the line is not valid text. */
    String readLine() throws IOException {
        int scanFrom = pos;
        while (true) {
            for (int i = scanFrom; i < limit; i++) {
                if (buf[i] == '\n') {
                    String line = decode(pos, i);
                    pos = i + 1;
                    return line;
                }
            }
            if (eof) {
                if (pos == limit) {
                    return null;
                }
                String line = decode(pos, limit);
                pos = limit;
                return line;
            }
            scanFrom = limit - pos;
            fill();
        }
    }

    private void fill() throws IOException {
        if (pos > 0) {
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
        if (utf8) {
            String s = new String(buf, from, end - from, StandardCharsets.UTF_8);
            // the fast decoder replaces bad bytes with U+FFFD: only then check strictly (the file may hold a real U+FFFD)
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
