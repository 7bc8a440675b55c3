package org.mizan.source;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.io.input.ReaderInputStream;

/**
 * Tells what a delivered file is from its first bytes (magic numbers, byte-order marks) before any parsing, and
 * opens its content as the readers read it: a gzip file is decompressed as it is read (a cut-short one says so),
 * UTF-16 text with a byte-order mark is decoded, a UTF-8 byte-order mark is skipped; anything else that is not
 * text (a workbook, an archive, a PDF, UTF-32) is refused with a message that names what it is and what to do.
 */
public final class InputFiles {

    private static final int HEAD = 8192;

    private InputFiles() {}

    /** Content to read as text; {@code charset} is the one it must be read in, or null for the mapping's. */
    public record Text(InputStream in, Charset charset) {}

    /** The file as text for the CSV, JSON Lines and pg_copy readers (and the default-mapping detection). */
    public static Text openText(Path file) throws IOException {
        String path = file.toString();
        BufferedInputStream in = content(file, path);
        byte[] head = peek(in, HEAD);
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            in.skipNBytes(3);
            return new Text(in, StandardCharsets.UTF_8);
        }
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            // UTF-16 with its byte-order mark: decoded here, so that every line reader sees UTF-8
            InputStreamReader text = new InputStreamReader(in, StandardCharsets.UTF_16);
            return new Text(
                    ReaderInputStream.builder()
                            .setReader(text)
                            .setCharset(StandardCharsets.UTF_8)
                            .get(),
                    StandardCharsets.UTF_8);
        }
        String utf16 = utf16WithoutMark(head);
        if (utf16 != null) {
            in.close();
            throw new MappingException(
                    path + ": looks like " + utf16 + " text without a byte-order mark, which cannot be read safely."
                            + " Save it as CSV UTF-8, or convert it: iconv -f " + utf16 + " -t UTF-8");
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                in.close();
                throw new MappingException(
                        path + ": looks binary (a NUL byte at offset " + i + "), not a text export. "
                                + "Check that this is the right file (a spreadsheet must be saved as CSV, or use an xlsx mapping).");
            }
        }
        return new Text(in, null);
    }

    /** The file for an XML reader: decompressed when gzip; refused when it is a workbook, an archive or a PDF. */
    public static InputStream openXml(Path file) throws IOException {
        return content(file, file.toString());
    }

    /** The bytes of the file, decompressed when it is gzip; refuses the kinds no reader takes. */
    private static BufferedInputStream content(Path file, String path) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        byte[] head = peek(in, 8);
        if (startsWith(head, 0x1F, 0x8B)) {
            in = new BufferedInputStream(new Gunzip(in, path), 1 << 16);
            head = peek(in, 8);
            if (startsWith(head, 0x1F, 0x8B)) {
                in.close();
                throw new MappingException(
                        path + ": is compressed with gzip twice. Decompress it once (gunzip) and load the result.");
            }
        }
        String kind = kind(head, file);
        if (kind != null) {
            in.close();
            throw new MappingException(path + ": is " + kind);
        }
        return in;
    }

    /** What a file that no text or XML reader takes is, and what to do; null for anything else. */
    static String kind(byte[] h, Path file) {
        if (startsWith(h, 'P', 'K', 3, 4) || startsWith(h, 'P', 'K', 5, 6)) {
            return isWorkbook(file)
                    ? "an XLSX workbook (a zip archive), not text. Load it with a mapping whose format is xlsx"
                            + " (jobs/README.md), or save its sheet as CSV UTF-8."
                    : "a zip archive, not text. Unzip it and load the file inside.";
        }
        if (startsWith(h, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an Office 97-2003 file (.xls), not text. Open it and save it as .xlsx or as CSV UTF-8.";
        }
        if (startsWith(h, '%', 'P', 'D', 'F')) {
            return "a PDF document, not a data export. Ask the source for its CSV or XLSX export.";
        }
        if (startsWith(h, 0xFF, 0xFE, 0, 0) || startsWith(h, 0, 0, 0xFE, 0xFF)) {
            return "UTF-32 text, which Mizan does not read. Convert it: iconv -f UTF-32 -t UTF-8";
        }
        String packer = startsWith(h, 'B', 'Z', 'h')
                ? "bzip2"
                : startsWith(h, 0xFD, '7', 'z', 'X', 'Z')
                        ? "xz"
                        : startsWith(h, '7', 'z', 0xBC, 0xAF)
                                ? "7-Zip"
                                : startsWith(h, 'R', 'a', 'r', '!')
                                        ? "RAR"
                                        : startsWith(h, 0x28, 0xB5, 0x2F, 0xFD) ? "zstd" : null;
        if (startsWith(h, 0x1F, 0x8B)) {
            return "gzip-compressed: decompress it first (gunzip). Only CSV, JSON Lines and XML files are read compressed.";
        }
        return packer == null
                ? null
                : "compressed with " + packer + ", which Mizan does not read. Decompress it, or compress"
                        + " it with gzip (a .gz file is read as it is).";
    }

    /** Whether a zip archive is an OOXML workbook: it has xl/workbook.xml. */
    private static boolean isWorkbook(Path file) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            return zip.getEntry("xl/workbook.xml") != null;
        } catch (IOException e) {
            return file.getFileName()
                    .toString()
                    .toLowerCase(java.util.Locale.ROOT)
                    .endsWith(".xlsx");
        }
    }

    /** "UTF-16LE" or "UTF-16BE" when the head is ASCII text with a NUL after (or before) every character. */
    private static String utf16WithoutMark(byte[] h) {
        if (h.length < 8) {
            return null;
        }
        boolean le = true;
        boolean be = true;
        for (int i = 0; i + 1 < Math.min(h.length, 64); i += 2) {
            le &= h[i] != 0 && h[i + 1] == 0;
            be &= h[i] == 0 && h[i + 1] != 0;
        }
        return le ? "UTF-16LE" : be ? "UTF-16BE" : null;
    }

    private static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] head = in.readNBytes(n);
        in.reset();
        return head;
    }

    private static boolean startsWith(byte[] h, int... magic) {
        if (h.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((h[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** gzip decompression whose end-of-data and corruption errors name the file and say what happened. */
    private static final class Gunzip extends FilterInputStream {

        private final String path;

        Gunzip(InputStream in, String path) throws IOException {
            super(null);
            this.path = path;
            try {
                this.in = new GZIPInputStream(in, 1 << 16);
            } catch (EOFException | ZipException e) {
                throw failure(e);
            }
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (EOFException | ZipException e) {
                throw failure(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (EOFException | ZipException e) {
                throw failure(e);
            }
        }

        private MappingException failure(IOException e) {
            return e instanceof EOFException
                    ? new MappingException(
                            path + ": is a gzip file that is cut short (truncated: its compressed data ends early)."
                                    + " Ask the source to send it again.")
                    : new MappingException(path + ": is a damaged gzip file (" + e.getMessage()
                            + "). Ask the source to send it again.");
        }
    }
}
