package org.mizan.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mizan.config.UsageException;
import org.mizan.source.InputFiles;
import org.mizan.source.Mapping;
import org.mizan.source.MappingException;
import org.mizan.source.MappingLoader;

/**
 * The default mapping for a file in a standard format and the check that a mapping fits its job, both from the job's
 * {@link JobDescriptor}; and the helpers the descriptors read a file's head with.
 */
public final class DefaultMappings {

    private DefaultMappings() {}

    /** The documented mapping for a file in a standard format: the job's descriptor decides (see {@link JobCatalogue}). */
    public static String detect(String job, Path file) {
        return JobCatalogue.standard().require(job).defaultMapping(file);
    }

    /** The file's name in lower case, without a {@code .gz} ending: a gzip file is read as what it holds. */
    public static String nameOf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
    }

    /** Whether the file starts as JSON (an object or an array), a byte-order mark and blanks aside. */
    public static boolean startsAsJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String s = new String(in.readNBytes(1024), StandardCharsets.UTF_8)
                    .replace("\uFEFF", "")
                    .stripLeading();
            return s.startsWith("{") || s.startsWith("[");
        } catch (IOException e) {
            return false;
        }
    }

    /** The mapping's dataset must be one the job loads. */
    public static void check(String job, String mappingName) {
        Mapping m = MappingLoader.load(mappingName);
        List<String> allowed = datasets(job);
        if (!allowed.contains(m.dataset())) {
            throw new UsageException("mapping '" + mappingName + "' loads " + m.dataset() + ", which job " + job
                    + " does not load (it loads " + allowed + ")");
        }
    }

    /** The lake datasets (folders) a job loads. */
    public static List<String> datasets(String job) {
        return JobCatalogue.standard().require(job).datasets();
    }

    /**
     * The column names of the file's first line (a byte-order mark and quotes removed); empty for an empty file or
     * one that is not text; a usage error when there is no such file.
     */
    public static List<String> header(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + ": no such file. Check the path given as file=.");
        }
        // only the first line is decoded: the rest may be in another encoding, which the load itself reports
        try (InputStream in = InputFiles.openText(file).in()) {
            byte[] head = in.readNBytes(64 * 1024);
            if (head.length == 0) {
                return List.of();
            }
            int end = 0;
            while (end < head.length && head[end] != '\n' && head[end] != '\r') {
                end++;
            }
            String line = new String(head, 0, end, StandardCharsets.UTF_8);
            return Arrays.stream(line.replace("\uFEFF", "").split(","))
                    .map(s -> s.strip().replace("\"", ""))
                    .toList();
        } catch (MappingException e) {
            // not text (a workbook, an archive, a cut-short gzip…): the load refuses it, names what it is, exits 1
            return List.of();
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read its header (" + e.getMessage() + ").");
        }
    }
}
