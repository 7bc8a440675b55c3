package org.mizan.lake;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Writes one delivered file's records into Parquet files under {@code period=…/source=…/} folders of a staging
 * directory (see {@link RecordWriteSupport}). At most {@link #MAX_OPEN} partitions are open at once (each buffers its pages in memory until its row group fills; a wide source such as the World Bank's 39 quarters keeps all of them open); a
 * partition that comes back after being closed gets another part file, so memory stays bounded whatever the order.
 * A part file is written under a temporary name ({@code …parquet.tmp}) and gets its own name only when finished,
 * forced to disk and renamed ({@link #flush}, {@link #close}): a file named {@code .parquet} is always complete.
 */
public final class PartitionedParquetWriter implements Closeable {

    static final int MAX_OPEN = 64;
    private static final int ROW_GROUP_BYTES = 32 * 1024 * 1024;
    private static final int PAGE_BYTES = 1024 * 1024;
    // codes (units, currencies, providers) repeat: their dictionaries stay far below this
    private static final int DICTIONARY_BYTES = 128 * 1024;

    private final Dataset dataset;
    private final Path stagingRoot;
    private final String unit;
    private final int periodField;
    private final int sourceField;
    private final Map<String, Integer> parts = new HashMap<>();
    private final Map<String, String> partitions = new HashMap<>();
    private final LinkedHashMap<String, ParquetWriter<SpecificRecord>> open = new LinkedHashMap<>(16, 0.75f, true);
    private final List<Path> written = new ArrayList<>();
    /** Part files closed under their temporary name, waiting for {@link #promote}. */
    private final List<Path> closed = new ArrayList<>();
    private final Map<String, Path> openFiles = new HashMap<>();
    private long records;

    public PartitionedParquetWriter(Dataset dataset, Path stagingRoot, String unit) {
        this.dataset = dataset;
        this.stagingRoot = stagingRoot;
        this.unit = unit;
        this.periodField = dataset.schema().getField("period").pos();
        this.sourceField = dataset.schema().getField("source_id").pos();
    }

    public void write(SpecificRecord record) throws IOException {
        String period = String.valueOf(record.get(periodField));
        String source = String.valueOf(record.get(sourceField));
        String partition = partitions.computeIfAbsent(period + '\u0001' + source, k -> Lake.partition(period, source));
        ParquetWriter<SpecificRecord> w = open.get(partition);
        if (w == null) {
            w = openPartition(partition);
        }
        w.write(record);
        records++;
    }

    private ParquetWriter<SpecificRecord> openPartition(String partition) throws IOException {
        if (open.size() >= MAX_OPEN) {
            Iterator<Map.Entry<String, ParquetWriter<SpecificRecord>>> eldest = open.entrySet().iterator();
            Map.Entry<String, ParquetWriter<SpecificRecord>> e = eldest.next();
            e.getValue().close();
            closed.add(openFiles.remove(e.getKey()));
            eldest.remove();
        }
        int part = parts.merge(partition, 1, Integer::sum);
        Path file = stagingRoot.resolve(partition).resolve(Lake.unitFileName(unit, part));
        Files.createDirectories(file.getParent());
        Path tmp = temporary(file);
        Files.deleteIfExists(tmp);
        ParquetWriter<SpecificRecord> w = writer(dataset, tmp);
        open.put(partition, w);
        openFiles.put(partition, file);
        written.add(stagingRoot.relativize(file));
        return w;
    }

    /** A Parquet writer of the dataset's Avro schema over a local file (no HDFS), Snappy, 1 MB pages. */
    public static ParquetWriter<SpecificRecord> writer(Dataset dataset, Path file) throws IOException {
        var builder = new Builder(new LocalOutputFile(file), dataset)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize((long) ROW_GROUP_BYTES)
                .withPageSize(PAGE_BYTES)
                .withDictionaryPageSize(DICTIONARY_BYTES);
        for (String column : dataset.uniqueColumns()) {
            builder = builder.withDictionaryEncoding(column, false);
        }
        return builder.build();
    }

    /** The name a part file has while it is written: not {@code .parquet}, so no reader takes it for a finished one. */
    public static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    /** Finishes every open file (a checkpoint): what was written so far is complete Parquet on disk, under its name. */
    public void flush() throws IOException {
        flush(() -> { });
    }

    /**
     * As {@link #flush()}, in its order: every open file closed (written), each finished file forced to disk, then
     * {@code beforeRename} runs, then each gets its own name and its folder is forced to disk (renamed).
     */
    public void flush(Runnable beforeRename) throws IOException {
        closeOpen();
        for (Path f : closed) {
            force(temporary(f), false);
        }
        beforeRename.run();
        promote();
    }

    private void promote() throws IOException {
        java.util.Set<Path> dirs = new java.util.LinkedHashSet<>();
        for (Path f : closed) {
            Files.move(temporary(f), f, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            dirs.add(f.getParent());
        }
        for (Path d : dirs) {
            force(d, true);
        }
        closed.clear();
    }

    /** Forces a file's bytes, or a folder's entries, to disk (a folder cannot be forced on every system: tried). */
    private static void force(Path p, boolean folder) throws IOException {
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(p,
                folder ? java.nio.file.StandardOpenOption.READ : java.nio.file.StandardOpenOption.WRITE)) {
            c.force(true);
        } catch (IOException e) {
            if (!folder) {
                throw e;
            }
        }
    }

    /**
     * Continues a load a restart resumes: {@code finished} (relative to the staging root) are the files already
     * complete, so new parts are numbered after theirs.
     */
    public void resumeAfter(List<Path> finished) {
        for (Path rel : finished) {
            String partition = rel.getParent().toString().replace('\\', '/');
            String name = rel.getFileName().toString();
            int tilde = name.lastIndexOf('~');
            int part = tilde < 0 ? 1 : Integer.parseInt(name.substring(tilde + 1, name.length() - ".parquet".length()));
            parts.merge(partition, part, Math::max);
            written.add(rel);
        }
    }

    /** A Parquet writer builder over the lake's own write support (parquet-avro's schema and footer). */
    private static final class Builder extends ParquetWriter.Builder<SpecificRecord, Builder> {

        private final Dataset dataset;

        Builder(LocalOutputFile file, Dataset dataset) {
            super(file);
            this.dataset = dataset;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<SpecificRecord> getWriteSupport(Configuration conf) {
            return new RecordWriteSupport(dataset.schema());
        }
    }

    /** Files written so far, relative to the staging root. */
    public List<Path> written() {
        return written;
    }

    public long records() {
        return records;
    }

    /** Finishes every file: closed, forced to disk, renamed to its own name. */
    @Override
    public void close() throws IOException {
        flush();
    }

    private void closeOpen() throws IOException {
        IOException first = null;
        for (Map.Entry<String, ParquetWriter<SpecificRecord>> e : open.entrySet()) {
            try {
                e.getValue().close();
                closed.add(openFiles.get(e.getKey()));
            } catch (IOException ex) {
                first = first == null ? ex : first;
            }
        }
        open.clear();
        openFiles.clear();
        if (first != null) {
            throw first;
        }
    }
}
