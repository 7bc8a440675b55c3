package org.mizan.lake;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Writes one delivered file's records into Parquet files under {@code period=…/source=…/} folders of a staging
 * directory (see {@link RecordWriteSupport}), whatever the order of the rows.
 *
 * <p>Rows are first gathered in memory (at most {@link #BUFFER_ROWS}). When the buffer is full, or at a
 * checkpoint, a partition holding at least {@link #STREAM_ROWS} of them is written to its Parquet file, which
 * stays open for its next rows (at most {@link #MAX_OPEN} at once: a file sorted by partition streams as before);
 * the rows of every other partition are appended, grouped by partition, to one spill file of Avro binary records
 * under {@code _spill/}. At {@link #close()} each partition's spilled rows are read back and written as one
 * Parquet file. So a file whose rows fall in hundreds of partitions in no order costs one extra Avro encoding and
 * decoding of its rows instead of a Parquet file opened and closed per row (bench/README.md, "Any row order"),
 * and the lake gets one file per partition, not one per checkpoint. One Parquet file is written at a time at a
 * drain, and memory holds the buffer and the open files' pages.
 *
 * <p>Restarts: a checkpoint ({@link #flush()}) finishes the open Parquet files and drains the buffer, and
 * {@link #written()} then lists the spill files with them; a restart that keeps them ({@link #resumeAfter})
 * reads their indexes back, so the merge at close covers rows spilled before the checkpoint too. The merged files
 * are written under new part numbers and the spill files are left in staging (the publish moves only
 * {@code .parquet} files and then deletes staging), so a crash during the merge loses nothing.
 *
 * <p>A part file is written under a temporary name ({@code …parquet.tmp}) and gets its own name only when
 * finished, forced to disk and renamed ({@link #flush}, {@link #close}): a file named {@code .parquet} is always
 * complete. Spill files are forced to disk at the checkpoint that lists them, before it is recorded.
 */
public final class PartitionedParquetWriter implements Closeable {

    static final int MAX_OPEN = 64;
    /** Rows held in memory before they are written or spilled. */
    static final int BUFFER_ROWS = 100_000;
    /** A partition with this many buffered rows at a drain gets its own open Parquet file rather than the spill. */
    static final int STREAM_ROWS = 4_096;

    static final String SPILL_DIR = "_spill";
    private static final int ROW_GROUP_BYTES = 32 * 1024 * 1024;
    private static final int PAGE_BYTES = 1024 * 1024;
    // codes (units, currencies, providers) repeat: their dictionaries stay far below this
    private static final int DICTIONARY_BYTES = 128 * 1024;
    /**
     * The first size of a writer's buffer for compressed pages (it grows to the largest page). parquet-java's default
     * is the page size, 1 MB: with the JVM's 1 MB heap regions that is a humongous allocation per writer, and with
     * one writer per partition and checkpoint it started G1 cycles of its own (bench/README.md).
     */
    private static final int COMPRESSED_PAGE_BUFFER_BYTES = 64 * 1024;

    private final Dataset dataset;
    private final Path stagingRoot;
    private final String unit;
    private final int periodField;
    private final int sourceField;
    private final Map<String, Integer> parts = new HashMap<>();
    private final Map<String, String> partitions = new HashMap<>();
    private final LinkedHashMap<String, ParquetWriter<SpecificRecord>> open = new LinkedHashMap<>(16, 0.75f, true);
    private final List<Path> written = new ArrayList<>();
    /** Buffered rows by partition, in order of arrival. */
    private final LinkedHashMap<String, List<SpecificRecord>> buffer = new LinkedHashMap<>();

    private int buffered;
    /** Spilled rows by partition: where each run of them is, in order. */
    private final Map<String, List<Segment>> spilled = new TreeMap<>();

    private final List<Path> spillFiles = new ArrayList<>();
    private int spills;
    private boolean merged;
    private long records;
    /** Part files closed under their temporary name, waiting for {@link #promote}. */
    private final List<Path> closed = new ArrayList<>();
    /** The final name of each open partition's part file (it is written under {@link #temporary}). */
    private final Map<String, Path> openFiles = new HashMap<>();
    /** Spill files (and their indexes) written since the last checkpoint, to be forced to disk by it. */
    private final List<Path> unforcedSpills = new ArrayList<>();

    /** A run of one partition's rows in a spill file (a path relative to the staging root). */
    private record Segment(Path spill, long offset, int length, int count) {}

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
        String partition = partitions.computeIfAbsent(period + '\u0001' + source, k -> {
            if (!Lake.namesExactly(period)) {
                // the period lives in the folder's name alone: a value the name would alter would be lost
                throw new IllegalArgumentException("period '" + period + "' cannot name a partition folder");
            }
            return Lake.partition(period, source);
        });
        records++;
        ParquetWriter<SpecificRecord> w = open.get(partition);
        if (w != null) {
            w.write(record);
            return;
        }
        buffer.computeIfAbsent(partition, k -> new ArrayList<>()).add(record);
        if (++buffered >= BUFFER_ROWS) {
            drain();
        }
    }

    /** Empties the buffer: a large partition into its (then open) Parquet file, the others into one spill file. */
    private void drain() throws IOException {
        List<String> small = new ArrayList<>();
        for (Map.Entry<String, List<SpecificRecord>> e : buffer.entrySet()) {
            if (e.getValue().size() >= STREAM_ROWS) {
                ParquetWriter<SpecificRecord> w = openPartition(e.getKey());
                for (SpecificRecord r : e.getValue()) {
                    w.write(r);
                }
            } else {
                small.add(e.getKey());
            }
        }
        if (!small.isEmpty()) {
            spill(small);
        }
        buffer.clear();
        buffered = 0;
    }

    private void spill(List<String> which) throws IOException {
        spills++;
        Path rel = Path.of(SPILL_DIR, String.format("%06d.spill", spills));
        Path file = stagingRoot.resolve(rel);
        Files.createDirectories(file.getParent());
        List<String> index = new ArrayList<>();
        SpecificDatumWriter<SpecificRecord> datum = new SpecificDatumWriter<>(dataset.schema(), AvroModel.get());
        try (CountingOutputStream out =
                new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            // buffered: the direct encoder writes most values a byte at a time; a position in the file is what
            // reached the stream plus what the encoder still holds
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            for (String partition : which) {
                List<SpecificRecord> rows = buffer.get(partition);
                long offset = out.count + encoder.bytesBuffered();
                for (SpecificRecord r : rows) {
                    datum.write(r, encoder);
                }
                long end = out.count + encoder.bytesBuffered();
                Segment segment = new Segment(rel, offset, Math.toIntExact(end - offset), rows.size());
                spilled.computeIfAbsent(partition, k -> new ArrayList<>()).add(segment);
                index.add(partition + '\t' + segment.offset() + '\t' + segment.length() + '\t' + segment.count());
            }
            encoder.flush();
        }
        Path indexRel = indexOf(rel);
        Files.write(stagingRoot.resolve(indexRel), index);
        spillFiles.add(rel);
        spillFiles.add(indexRel);
        unforcedSpills.add(file);
        unforcedSpills.add(stagingRoot.resolve(indexRel));
    }

    private static Path indexOf(Path spill) {
        String name = spill.getFileName().toString();
        return spill.resolveSibling(name.substring(0, name.length() - ".spill".length()) + ".index");
    }

    /** Writes each spilled partition's rows, read back in the order they came, as one more Parquet file of it. */
    private void merge() throws IOException {
        SpecificDatumReader<SpecificRecord> datum =
                new SpecificDatumReader<>(dataset.schema(), dataset.schema(), AvroModel.get());
        BinaryDecoder decoder = null;
        for (Map.Entry<String, List<Segment>> e : spilled.entrySet()) {
            Path file = newPart(e.getKey());
            try (ParquetWriter<SpecificRecord> w = writer(dataset, freshTemporary(file))) {
                for (Segment s : e.getValue()) {
                    byte[] bytes = new byte[s.length()];
                    try (FileChannel ch = FileChannel.open(stagingRoot.resolve(s.spill()), StandardOpenOption.READ)) {
                        ByteBuffer buf = ByteBuffer.wrap(bytes);
                        while (buf.hasRemaining()) {
                            if (ch.read(buf, s.offset() + buf.position()) < 0) {
                                throw new IOException(
                                        stagingRoot.resolve(s.spill()) + " ends before the rows of " + e.getKey());
                            }
                        }
                    }
                    decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
                    for (int i = 0; i < s.count(); i++) {
                        // a new record each time: Parquet's dictionaries may keep a reference to a value
                        w.write(datum.read(null, decoder));
                    }
                }
            }
            closed.add(file);
        }
        spilled.clear();
    }

    /**
     * The records of a spill file a checkpoint listed, given its index ({@code _spill/NNNNNN.index}, absolute): a
     * restart's checks read the rows staged before the cut from them as from the staged Parquet files.
     */
    public static void readSpilled(Dataset dataset, Path index, java.util.function.Consumer<SpecificRecord> each)
            throws IOException {
        String name = index.getFileName().toString();
        Path spill = index.resolveSibling(name.substring(0, name.length() - ".index".length()) + ".spill");
        SpecificDatumReader<SpecificRecord> datum =
                new SpecificDatumReader<>(dataset.schema(), dataset.schema(), AvroModel.get());
        BinaryDecoder decoder = null;
        try (FileChannel ch = FileChannel.open(spill, StandardOpenOption.READ)) {
            for (String line : Files.readAllLines(index)) {
                String[] f = line.split("\t");
                long offset = Long.parseLong(f[1]);
                byte[] bytes = new byte[Integer.parseInt(f[2])];
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    if (ch.read(buf, offset + buf.position()) < 0) {
                        throw new IOException(spill + " ends before the rows of " + f[0]);
                    }
                }
                decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
                for (int i = 0, n = Integer.parseInt(f[3]); i < n; i++) {
                    each.accept(datum.read(null, decoder));
                }
            }
        }
    }

    private ParquetWriter<SpecificRecord> openPartition(String partition) throws IOException {
        if (open.size() >= MAX_OPEN) {
            Iterator<Map.Entry<String, ParquetWriter<SpecificRecord>>> eldest =
                    open.entrySet().iterator();
            Map.Entry<String, ParquetWriter<SpecificRecord>> e = eldest.next();
            e.getValue().close();
            closed.add(openFiles.remove(e.getKey()));
            eldest.remove();
        }
        Path file = newPart(partition);
        ParquetWriter<SpecificRecord> w = writer(dataset, freshTemporary(file));
        open.put(partition, w);
        openFiles.put(partition, file);
        return w;
    }

    /** The next part file of a partition, created with its folder and listed as written. */
    private Path newPart(String partition) throws IOException {
        int part = parts.merge(partition, 1, Integer::sum);
        Path file = stagingRoot.resolve(partition).resolve(Lake.unitFileName(unit, part));
        Files.createDirectories(file.getParent());
        written.add(stagingRoot.relativize(file));
        return file;
    }

    /**
     * A Parquet writer of the dataset's lake files over a local file (no HDFS), Snappy, 1 MB pages: the Avro schema
     * less the partition field ({@link Dataset#fileSchema()}), which the file's folder names. Its Hadoop
     * configuration loads no default resources: without one, parquet-java builds a {@code new Configuration()} per
     * writer, which looks up and parses {@code core-default.xml} in the jar every time (about a fifth of the ingest
     * step's CPU for a file of 500 partitions, bench/README.md); nothing the writer reads is set there.
     */
    public static ParquetWriter<SpecificRecord> writer(Dataset dataset, Path file) throws IOException {
        return writer(dataset, file, dataset.fileSchema());
    }

    /** A Parquet writer of every field of the dataset's Avro schema (the empty schema file, {@link Lake}). */
    static ParquetWriter<SpecificRecord> wholeRecordWriter(Dataset dataset, Path file) throws IOException {
        return writer(dataset, file, dataset.schema());
    }

    private static ParquetWriter<SpecificRecord> writer(Dataset dataset, Path file, org.apache.avro.Schema fileSchema)
            throws IOException {
        Configuration conf = new Configuration(false);
        var builder = new Builder(new LocalOutputFile(file), dataset, fileSchema)
                .withConf(conf)
                .withCodecFactory(new CodecFactory(conf, COMPRESSED_PAGE_BUFFER_BYTES))
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

    /** The temporary name of a part file, with what a killed earlier attempt left there removed. */
    private static Path freshTemporary(Path file) throws IOException {
        Path tmp = temporary(file);
        Files.deleteIfExists(tmp);
        return tmp;
    }

    /**
     * Finishes every open file and spills the buffer (a checkpoint): every row written so far is on disk, in a
     * complete Parquet file or a spill file that {@link #written()} lists.
     */
    public void flush() throws IOException {
        flush(() -> {});
    }

    /**
     * As {@link #flush()}, in its order: the buffer drained, every open file closed (written), each finished file and
     * each new spill file forced to disk, then {@code beforeRename} runs, then each part file gets its own name and its
     * folder is forced to disk (renamed).
     */
    public void flush(Runnable beforeRename) throws IOException {
        drain();
        closeOpen();
        forceWritten();
        beforeRename.run();
        promote();
    }

    private void forceWritten() throws IOException {
        for (Path f : closed) {
            force(temporary(f), false);
        }
        for (Path f : unforcedSpills) {
            force(f, false);
        }
        unforcedSpills.clear();
    }

    private void promote() throws IOException {
        java.util.Set<Path> dirs = new java.util.LinkedHashSet<>();
        for (Path f : closed) {
            Files.move(
                    temporary(f),
                    f,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            dirs.add(f.getParent());
        }
        for (Path d : dirs) {
            force(d, true);
        }
        closed.clear();
    }

    /** Forces a file's bytes, or a folder's entries, to disk (a folder cannot be forced on every system: tried). */
    private static void force(Path p, boolean folder) throws IOException {
        try (FileChannel c = FileChannel.open(p, folder ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
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
            if (rel.startsWith(SPILL_DIR)) {
                resumeSpill(rel);
                continue;
            }
            String partition = rel.getParent().toString().replace('\\', '/');
            String name = rel.getFileName().toString();
            int tilde = name.lastIndexOf('~');
            int part = tilde < 0 ? 1 : Integer.parseInt(name.substring(tilde + 1, name.length() - ".parquet".length()));
            parts.merge(partition, part, Math::max);
            written.add(rel);
        }
    }

    private void resumeSpill(Path rel) {
        String name = rel.getFileName().toString();
        spillFiles.add(rel);
        spills = Math.max(spills, Integer.parseInt(name.substring(0, name.indexOf('.'))));
        if (!name.endsWith(".index")) {
            return;
        }
        Path spill = rel.resolveSibling(name.substring(0, name.length() - ".index".length()) + ".spill");
        try {
            for (String line : Files.readAllLines(stagingRoot.resolve(rel))) {
                String[] f = line.split("\t");
                spilled.computeIfAbsent(f[0], k -> new ArrayList<>())
                        .add(new Segment(spill, Long.parseLong(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the spill index " + stagingRoot.resolve(rel) + " of a resumed load", e);
        }
    }

    /** A Parquet writer builder over the lake's own write support (parquet-avro's schema and footer). */
    private static final class Builder extends ParquetWriter.Builder<SpecificRecord, Builder> {

        private final Dataset dataset;
        private final org.apache.avro.Schema fileSchema;

        Builder(LocalOutputFile file, Dataset dataset, org.apache.avro.Schema fileSchema) {
            super(file);
            this.dataset = dataset;
            this.fileSchema = fileSchema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<SpecificRecord> getWriteSupport(Configuration conf) {
            return new RecordWriteSupport(dataset.schema(), fileSchema);
        }
    }

    /**
     * Files written so far, relative to the staging root: after {@link #flush()}, the Parquet files and the spill
     * files a restart needs; after {@link #close()}, the Parquet files alone (the ones to publish).
     */
    public List<Path> written() {
        if (merged) {
            return written;
        }
        List<Path> all = new ArrayList<>(written);
        all.addAll(spillFiles);
        return all;
    }

    public long records() {
        return records;
    }

    /**
     * Finishes the open files, then writes each spilled partition as one Parquet file; every part file is forced to
     * disk and renamed to its own name.
     */
    @Override
    public void close() throws IOException {
        if (merged) {
            return;
        }
        closeOpen();
        spillOrWriteRest();
        merge();
        forceWritten();
        promote();
        merged = true;
    }

    /** The rows still buffered: spilled if other rows of their partition were, else written as they are. */
    private void spillOrWriteRest() throws IOException {
        if (buffer.isEmpty()) {
            return;
        }
        List<String> toSpill = new ArrayList<>();
        for (Map.Entry<String, List<SpecificRecord>> e : buffer.entrySet()) {
            if (spilled.containsKey(e.getKey())) {
                toSpill.add(e.getKey());
            } else {
                Path file = newPart(e.getKey());
                try (ParquetWriter<SpecificRecord> w = writer(dataset, freshTemporary(file))) {
                    for (SpecificRecord r : e.getValue()) {
                        w.write(r);
                    }
                }
                closed.add(file);
            }
        }
        if (!toSpill.isEmpty()) {
            spill(toSpill);
        }
        buffer.clear();
        buffered = 0;
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

    /** Counts the bytes written, for the offsets of the spill index. */
    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
