package org.mizan.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How a delivery is cut into partitions: one per file, and a file larger than {@code partitionBytes} into byte
 * ranges that each end at a line break, given to its partition as the lines it reads (so that every record and
 * every reject keeps the line number it has in its file). The cut is made on physical lines: a file whose records
 * span lines (a quoted line break in CSV) must stay whole (a compressed file or a workbook always does).
 * The same files and size always give the same partitions, so a restart finds its partitions by name.
 */
public final class IngestPartitions implements Partitioner {

    /** Keys of a partition's step context. */
    public static final String FILE = "partition.file";

    public static final String MAPPING = "partition.mapping";
    public static final String FILE_INDEX = "partition.file_index";
    public static final String AFTER_LINE = "partition.after_line";
    public static final String LAST_LINE = "partition.last_line";
    public static final String NAME = "partition.name";

    /** One partition: the records of {@code file} starting on lines {@code afterLine + 1 .. lastLine}. */
    public record Part(String name, int fileIndex, Path file, String mapping, long afterLine, long lastLine) {
        ExecutionContext context() {
            ExecutionContext c = new ExecutionContext();
            c.putString(NAME, name);
            c.putString(FILE, file.toString());
            c.putString(MAPPING, mapping);
            c.putInt(FILE_INDEX, fileIndex);
            c.putLong(AFTER_LINE, afterLine);
            c.putLong(LAST_LINE, lastLine);
            return c;
        }
    }

    private final List<Path> files;
    private final List<String> mappings;
    private final long partitionBytes;

    public IngestPartitions(List<Path> files, List<String> mappings, long partitionBytes) {
        this.files = files;
        this.mappings = mappings;
        this.partitionBytes = partitionBytes;
    }

    /** The files of a job parameter: one absolute path per line. */
    public static List<Path> files(String parameter) {
        return Arrays.stream(parameter.split("\n"))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
    }

    public static List<String> mappings(String parameter) {
        return Arrays.stream(parameter.split("\n", -1)).toList();
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> out = new LinkedHashMap<>();
        for (Part p : plan()) {
            out.put(p.name(), p.context());
        }
        return out;
    }

    public List<Part> plan() {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            List<Long> cuts = splittable(file) ? lineCuts(file, partitionBytes) : List.of();
            long after = 0;
            for (long cut : cuts) {
                parts.add(new Part(name(parts.size()), i, file, mappings.get(i), after, cut));
                after = cut;
            }
            parts.add(new Part(name(parts.size()), i, file, mappings.get(i), after, Long.MAX_VALUE));
        }
        return parts;
    }

    static String name(int index) {
        return String.format(Locale.ROOT, "p%04d", index);
    }

    private boolean splittable(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            return partitionBytes > 0
                    && (n.endsWith(".csv") || n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".txt"))
                    && Files.size(file) > partitionBytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The line numbers at which the file is cut: the last line of each range but the last, each range the lines
     * whose bytes begin before the next multiple of {@code partitionBytes}, ended at the line break after it.
     */
    static List<Long> lineCuts(Path file, long partitionBytes) {
        List<Long> cuts = new ArrayList<>();
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            byte[] buf = new byte[1 << 16];
            long pos = 0;
            long lines = 0;
            long next = partitionBytes;
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int k = 0; k < n; k++) {
                    if (buf[k] == '\n') {
                        lines++;
                        long end = pos + k + 1; // the byte after this line break
                        if (end >= next && end < size) {
                            cuts.add(lines);
                            while (next <= end) {
                                next += partitionBytes;
                            }
                        }
                    }
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return cuts;
    }
}
