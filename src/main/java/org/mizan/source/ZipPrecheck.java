package org.mizan.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Reads a workbook's zip once, before the XLSX reader opens it, and refuses what that reader should never see:
 * a file that is not a zip (named for what it is), parts that expand beyond the limit or at a ratio no
 * spreadsheet has (a zip bomb), and any XML part with a DOCTYPE. Sizes are counted while inflating, never taken
 * from the zip's headers, and the read stops at the first limit crossed, so the check's time and memory are
 * bounded by the limits and not by the file.
 */
final class ZipPrecheck {

    /** A part's ratio is judged once it has expanded this far: small parts compress as they like. */
    private static final long RATIO_FROM = 1L << 20;

    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

    private ZipPrecheck() {}

    static void check(Path file, Limits limits) throws IOException {
        String path = file.toString();
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (head.length < 4 || head[0] != 'P' || head[1] != 'K') {
            String kind = InputFiles.kind(head, file);
            throw new MappingException(path + ": is not an XLSX workbook (no zip signature)"
                    + (kind != null
                            ? ": it is " + kind
                            : ". If it is a CSV export, use a csv mapping; if it is an old .xls, save it as .xlsx."));
        }
        long total = 0;
        byte[] buf = new byte[1 << 16];
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                throw new MappingException(
                        path + ": is a zip archive but not an XLSX workbook (it has no [Content_Types].xml part)."
                                + " If the export is inside it, unzip it and load that file.");
            }
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                long expanded = 0;
                boolean xml = e.getName().toLowerCase(Locale.ROOT).matches(".*\\.(xml|rels|vml)$");
                byte[] prolog = new byte[xml ? 4096 : 0];
                int prologLength = 0;
                try (InputStream in = zip.getInputStream(e)) {
                    // the bytes read so far from the zip and inflated from them, counted by the inflater itself
                    InputStreamStatistics read = in instanceof InputStreamStatistics s ? s : null;
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        if (prologLength < prolog.length) {
                            int k = Math.min(n, prolog.length - prologLength);
                            System.arraycopy(buf, 0, prolog, prologLength, k);
                            prologLength += k;
                            if (prologLength == prolog.length || k < n) {
                                refuseDoctype(path, e, prolog, prologLength);
                            }
                        }
                        expanded += n;
                        total += n;
                        if (total > limits.xlsxExpandedBytes()) {
                            throw new MappingException(
                                    path + ": the workbook expands to more than " + limits.xlsxExpandedBytes()
                                            + " bytes (its part " + e.getName() + " alone to " + expanded
                                            + " so far), the largest"
                                            + " workbook Mizan reads. "
                                            + Limits.raise(Limits.XLSX_EXPANDED_BYTES, limits.xlsxExpandedBytes()));
                        }
                        long compressed = Math.max(1, read != null ? read.getCompressedCount() : e.getCompressedSize());
                        if (expanded > RATIO_FROM && expanded / compressed > limits.xlsxRatio()) {
                            throw new MappingException(
                                    path + ": its part " + e.getName() + " expands more than " + limits.xlsxRatio()
                                            + " times its compressed size (" + expanded + " bytes from " + compressed
                                            + " so far), which no"
                                            + " spreadsheet does: a zip bomb?"
                                            + " Ask the source to export the workbook again. "
                                            + Limits.raise(Limits.XLSX_RATIO, limits.xlsxRatio()));
                        }
                    }
                }
                refuseDoctype(path, e, prolog, prologLength);
            }
        } catch (IOException e) {
            throw new MappingException(
                    path + ": cannot be read as an XLSX workbook: its zip structure is damaged or cut short."
                            + " Ask the source to export it again.");
        }
    }

    /** A DOCTYPE before the root element (where one must stand) of an XML part. */
    private static void refuseDoctype(String path, ZipArchiveEntry e, byte[] prolog, int length) {
        outer:
        for (int i = 0; i + DOCTYPE.length <= length; i++) {
            for (int k = 0; k < DOCTYPE.length; k++) {
                if (prolog[i + k] != DOCTYPE[k]) {
                    continue outer;
                }
            }
            throw new MappingException(
                    path + ": its part " + e.getName() + " declares a DOCTYPE, which no workbook needs and Mizan"
                            + " never reads (DTDs, external entities and entity expansion are refused). Ask the source to export the"
                            + " workbook again from the spreadsheet program.");
        }
    }
}
