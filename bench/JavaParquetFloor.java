import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;
import org.mizan.lake.PartitionedParquetWriter;
import org.mizan.schema.RemittanceTransaction;

/**
 * Pipeline (j) of the benchmark: the Java floor. The least work any design must do that reads the remittance CSV
 * in Java, builds the lake's Avro record of each row and encodes it with parquet-java: no rule, no duplicate
 * index, no gazetteer, no quarantine, no job repository, no Spring, no checkpoint, no spill, no warehouse.
 *
 * <pre>java -cp bench-classes:target/classes:$(cat cp.txt) JavaParquetFloor CSV OUTDIR [WRITERS] [MODE] [ORDER]</pre>
 *
 * <ul>
 *   <li>reading: a {@link BufferedReader} and a split on commas (the generated file has no quotes), each field a
 *       {@code String} as Mizan's reader makes them; {@code sent_at} parsed by hand into an instant, its offset,
 *       the UTC day and month; decimals parsed by hand into a {@code BigDecimal} of scale 4;
 *   <li>MODE {@code mizan} (default): the generated {@link RemittanceTransaction} (all-arguments constructor, as
 *       the normaliser builds it) written with Mizan's own lake writer ({@link PartitionedParquetWriter#writer}:
 *       parquet-avro's schema and footer, Snappy, 1 MB pages, 32 MB row groups, 128 KB dictionary pages, no
 *       dictionary on ids, instants and amounts): byte for byte the lake's encoding;
 *   <li>MODE {@code avro}: a {@link GenericRecord} of the file schema written with stock
 *       {@link AvroParquetWriter} and the same settings (what a design using parquet-avro as shipped pays);
 *   <li>MODE {@code none}: records built, nothing written (the reading and building alone);
 *   <li>one Parquet file per partition ({@code remittance_transactions/period=…/source=…/}). ORDER {@code stream}
 *       (default): each writer open from its partition's first row to the end of the file, so a sorted file streams
 *       and a shuffled one keeps every partition's writer (and its row group) in memory: no spill, no second
 *       encoding, but each row lands in another writer's buffers (measured four times the CPU of the sorted file,
 *       bench/README.md). ORDER {@code grouped}: the lines are first grouped by partition (a scan of provider and
 *       {@code sent_at}, offsets kept), then read and written partition by partition, one writer open at a time
 *       ({@link #readGrouped});
 *   <li>WRITERS (default 0): 0 encodes on the reading thread; n ≥ 1 hands batches of records to n writer threads,
 *       each owning the partitions whose hash falls to it (1 is Mizan's own split: read on one core, encode on the
 *       other).
 * </ul>
 *
 * Prints the rows, the Parquet files and the in-process time. This is a measurement, never a test.
 */
public class JavaParquetFloor {

    private static final int BATCH = 1024;
    private static final Dataset DATASET = Dataset.REMITTANCE_TRANSACTIONS;
    private static final String[] MONTHS = new String[12 * 200];

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: JavaParquetFloor CSV OUTDIR [WRITERS] [mizan|avro|none] [stream|grouped]");
            System.exit(2);
        }
        Path csv = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath().resolve(DATASET.folder());
        int writers = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        String mode = args.length > 3 ? args[3] : "mizan";
        boolean grouped = args.length > 4 && args[4].equals("grouped");
        if (args.length > 4 && !grouped && !args[4].equals("stream")) {
            throw new IllegalArgumentException("ORDER is stream or grouped, not " + args[4]);
        }
        if (!List.of("mizan", "avro", "none").contains(mode)) {
            throw new IllegalArgumentException("MODE is mizan, avro or none, not " + mode);
        }
        if (Files.exists(out)) {
            throw new IllegalStateException(out + " exists: the Java floor needs a fresh directory");
        }
        // parquet-java logs every compressor it takes at INFO: one line per file
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        String unit = Lake.unitOf(csv);
        long start = System.nanoTime();
        Sink sink = writers == 0
                ? new Partitions(out, unit, mode, grouped)
                : new Threads(out, unit, mode, writers, grouped);
        long rows = grouped ? readGrouped(csv, sink, mode.equals("avro")) : read(csv, sink, mode.equals("avro"));
        int files = sink.finish();
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "java floor: %,d rows, %d Parquet files, mode %s, %s, %d writer thread(s), %.2f s in-process (%,.0f rows/s)%n",
                rows, files, mode, grouped ? "grouped" : "stream", writers, s, rows / s);
    }

    // --- reading and building records

    private static long read(Path csv, Sink sink, boolean generic) throws IOException {
        String file = csv.getFileName().toString();
        long line = 1;
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            header(in.readLine());
            String[] f = new String[10];
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                row(text, line, file, generic, f, sink);
            }
        }
        return line - 1;
    }

    private static void header(String header) throws IOException {
        if (header == null || !header.startsWith("txn_id,provider_id,sent_at,")) {
            throw new IOException("not a generated remittance file: " + header);
        }
    }

    /** Splits one line, builds its record and hands it to the sink. */
    private static void row(String text, long line, String file, boolean generic, String[] f, Sink sink)
            throws IOException {
        split(text, f);
        String sent = f[2];
        long local = localEpochSecond(sent);
        int offsetMin = offsetMinutes(sent);
        long epoch = local - offsetMin * 60L;
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epoch, 86_400L));
        String period = month(day);
        Instant instant = Instant.ofEpochSecond(epoch);
        BigDecimal amount = decimal4(f[5]);
        BigDecimal fee = decimal4(f[7]);
        BigDecimal margin = f[8].isEmpty() ? null : decimal4(f[8]);
        Object record;
        if (generic) {
            GenericData.Record r = new GenericData.Record(DATASET.fileSchema());
            // the file schema: every field but period, in the record's order
            r.put(0, f[0]);
            r.put(1, f[1]);
            r.put(2, instant);
            r.put(3, offsetMin);
            r.put(4, day);
            r.put(5, f[3]);
            r.put(6, f[4]);
            r.put(7, null);
            r.put(8, amount);
            r.put(9, f[6]);
            r.put(10, fee);
            r.put(11, margin);
            r.put(12, f[9]);
            r.put(13, f[1]);
            r.put(14, file);
            r.put(15, line);
            record = r;
        } else {
            record = new RemittanceTransaction(
                    f[0], f[1], instant, offsetMin, day, period, f[3], f[4], null, amount, f[6], fee, margin, f[9],
                    f[1], file, line);
        }
        sink.accept(period, f[1], record);
    }

    /**
     * ORDER {@code grouped}: a first pass over the mapped file finds each line's partition from its provider and the
     * UTC month of its {@code sent_at} and keeps the line's offset under it; the second pass reads the lines
     * partition by partition (the file is in the page cache) and writes each partition's file from start to end, so
     * one writer is open at a time whatever the order of the rows. What any design pays for a file in no order
     * beyond a sorted one: a scan of two fields per row and a read of each line out of order.
     */
    private static long readGrouped(Path csv, Sink sink, boolean generic) throws IOException {
        String file = csv.getFileName().toString();
        Map<String, Lines> partitions = new java.util.TreeMap<>();
        Map<String, Lines[]> byProvider = new HashMap<>();
        java.nio.MappedByteBuffer map;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(csv)) {
            map = ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, ch.size());
        }
        int size = map.limit();
        int pos = 0;
        while (map.get(pos) != '\n') {
            pos++;
        }
        byte[] head = new byte[pos];
        map.get(0, head);
        header(new String(head, StandardCharsets.ISO_8859_1));
        pos++;
        long line = 1;
        byte[] provider = new byte[64];
        while (pos < size) {
            line++;
            int start = pos;
            int c1 = pos;
            while (map.get(c1) != ',') {
                c1++;
            }
            int c2 = c1 + 1;
            while (map.get(c2) != ',') {
                c2++;
            }
            int len = c2 - c1 - 1;
            map.get(c1 + 1, provider, 0, len);
            int t = c2 + 1;
            int y = digits(map, t, 4), mo = digits(map, t + 5, 2), d = digits(map, t + 8, 2);
            int h = digits(map, t + 11, 2), mi = digits(map, t + 14, 2), se = digits(map, t + 17, 2);
            int offset = 0;
            if (map.get(t + 19) != 'Z') {
                offset = digits(map, t + 20, 2) * 60 + digits(map, t + 23, 2);
                offset = map.get(t + 19) == '-' ? -offset : offset;
            }
            long epoch = LocalDate.of(y, mo, d).toEpochDay() * 86_400L + h * 3600 + mi * 60 + se - offset * 60L;
            LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epoch, 86_400L));
            int month = (day.getYear() - 1900) * 12 + day.getMonthValue() - 1;
            String p = new String(provider, 0, len, StandardCharsets.ISO_8859_1);
            Lines[] months = byProvider.computeIfAbsent(p, k -> new Lines[MONTHS.length]);
            Lines lines = months[month];
            if (lines == null) {
                lines = months[month] = new Lines();
                partitions.put(month(day) + '\u0001' + p, lines);
            }
            pos = t + 20;
            while (pos < size && map.get(pos) != '\n') {
                pos++;
            }
            lines.add(start, pos - start, line);
            pos++;
        }
        String[] f = new String[10];
        byte[] bytes = new byte[4096];
        for (Lines lines : partitions.values()) {
            for (int i = 0; i < lines.n; i++) {
                int len = lines.lengths[i];
                map.get(lines.starts[i], bytes, 0, len);
                row(new String(bytes, 0, len, StandardCharsets.ISO_8859_1), lines.numbers[i], file, generic, f, sink);
            }
        }
        return line - 1;
    }

    /** A partition's lines: where each starts, its length and its number. */
    private static final class Lines {
        int[] starts = new int[1024];
        int[] lengths = new int[1024];
        long[] numbers = new long[1024];
        int n;

        void add(int start, int length, long number) {
            if (n == starts.length) {
                starts = java.util.Arrays.copyOf(starts, n * 2);
                lengths = java.util.Arrays.copyOf(lengths, n * 2);
                numbers = java.util.Arrays.copyOf(numbers, n * 2);
            }
            starts[n] = start;
            lengths[n] = length;
            numbers[n++] = number;
        }
    }

    private static int digits(java.nio.ByteBuffer b, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            v = v * 10 + (b.get(i) - '0');
        }
        return v;
    }

    private static void split(String text, String[] f) {
        int from = 0;
        for (int i = 0; i < f.length - 1; i++) {
            int comma = text.indexOf(',', from);
            f[i] = text.substring(from, comma);
            from = comma + 1;
        }
        f[f.length - 1] = text.substring(from);
    }

    /** yyyy-MM-ddTHH:mm:ss of {@code s}, read as UTC. */
    private static long localEpochSecond(String s) {
        int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
        int h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2);
        return LocalDate.of(y, mo, d).toEpochDay() * 86_400L + h * 3600 + mi * 60 + se;
    }

    /** Z, or ±HH:MM after the seconds. */
    private static int offsetMinutes(String s) {
        if (s.length() == 20) {
            return 0;
        }
        int m = digits(s, 20, 2) * 60 + digits(s, 23, 2);
        return s.charAt(19) == '-' ? -m : m;
    }

    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private static String month(LocalDate d) {
        int i = (d.getYear() - 1900) * 12 + d.getMonthValue() - 1;
        String m = MONTHS[i];
        if (m == null) {
            m = MONTHS[i] = d.getYear() + (d.getMonthValue() < 10 ? "-0" : "-") + d.getMonthValue();
        }
        return m;
    }

    /** A plain decimal of at most 4 places ("927.63", "0.00") as a BigDecimal of scale 4. */
    private static BigDecimal decimal4(String s) {
        long unscaled = 0;
        int scale = -1;
        boolean negative = s.charAt(0) == '-';
        for (int i = negative ? 1 : 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                scale = 0;
            } else {
                unscaled = unscaled * 10 + (c - '0');
                if (scale >= 0) {
                    scale++;
                }
            }
        }
        for (int i = Math.max(scale, 0); i < 4; i++) {
            unscaled *= 10;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, 4);
    }

    // --- writing

    private interface Sink {
        void accept(String period, String source, Object record) throws IOException;

        /** Closes every file; returns how many were written. */
        int finish() throws Exception;
    }

    /** One writer per partition, open until the end. */
    private static final class Partitions implements Sink {
        private final Path out;
        private final String unit;
        private final String mode;
        private final boolean oneAtATime;
        private final Map<String, Map<String, ParquetWriter<Object>>> writers = new HashMap<>();
        private int files;
        private ParquetWriter<Object> last;

        Partitions(Path out, String unit, String mode, boolean oneAtATime) {
            this.out = out;
            this.unit = unit;
            this.mode = mode;
            this.oneAtATime = oneAtATime;
        }

        @Override
        public void accept(String period, String source, Object record) throws IOException {
            if (mode.equals("none")) {
                return;
            }
            if (oneAtATime) {
                // rows come partition by partition: a new partition ends the previous one's file
                if (last == null || !period.equals(lastPeriod) || !source.equals(lastSource)) {
                    if (last != null) {
                        last.close();
                    }
                    last = open(period, source);
                    lastPeriod = period;
                    lastSource = source;
                }
                last.write(record);
                return;
            }
            ParquetWriter<Object> w =
                    writers.computeIfAbsent(period, p -> new HashMap<>()).get(source);
            if (w == null) {
                w = open(period, source);
                writers.get(period).put(source, w);
            }
            w.write(record);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private ParquetWriter<Object> open(String period, String source) throws IOException {
            Path file = out.resolve(Lake.partition(period, source)).resolve(Lake.unitFileName(unit, 1));
            Files.createDirectories(file.getParent());
            files++;
            if (mode.equals("mizan")) {
                return (ParquetWriter) PartitionedParquetWriter.writer(DATASET, file);
            }
            var b = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                    .withSchema(DATASET.fileSchema())
                    .withDataModel(GENERIC)
                    .withConf(new Configuration(false))
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withRowGroupSize(32L * 1024 * 1024)
                    .withPageSize(1024 * 1024)
                    .withDictionaryPageSize(128 * 1024);
            for (String column : DATASET.uniqueColumns()) {
                b = b.withDictionaryEncoding(column, false);
            }
            return (ParquetWriter) b.build();
        }

        private String lastPeriod;
        private String lastSource;

        @Override
        public int finish() throws IOException {
            if (last != null) {
                last.close();
            }
            for (Map<String, ParquetWriter<Object>> m : writers.values()) {
                for (ParquetWriter<Object> w : m.values()) {
                    w.close();
                }
            }
            return files;
        }
    }

    private static final GenericData GENERIC = generic();

    private static GenericData generic() {
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        return model;
    }

    /** The reading thread hands batches to writer threads, each owning its partitions. */
    private static final class Threads implements Sink {
        private record Item(String period, String source, Object record) {}

        private static final List<Item> END = List.of();

        private final List<BlockingQueue<List<Item>>> queues = new ArrayList<>();
        private final List<List<Item>> batches = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private final List<Partitions> partitions = new ArrayList<>();
        private volatile Throwable failed;

        Threads(Path out, String unit, String mode, int n, boolean oneAtATime) {
            for (int i = 0; i < n; i++) {
                BlockingQueue<List<Item>> q = new ArrayBlockingQueue<>(64);
                Partitions p = new Partitions(out, unit, mode, oneAtATime);
                queues.add(q);
                batches.add(new ArrayList<>(BATCH));
                partitions.add(p);
                Thread t = new Thread(
                        () -> {
                            try {
                                for (List<Item> b = q.take(); b != END; b = q.take()) {
                                    for (Item it : b) {
                                        p.accept(it.period(), it.source(), it.record());
                                    }
                                }
                            } catch (Throwable e) {
                                failed = e;
                                q.clear();
                            }
                        },
                        "writer-" + i);
                t.start();
                threads.add(t);
            }
        }

        @Override
        public void accept(String period, String source, Object record) throws IOException {
            int i = Math.floorMod(period.hashCode() * 31 + source.hashCode(), queues.size());
            List<Item> b = batches.get(i);
            b.add(new Item(period, source, record));
            if (b.size() == BATCH) {
                put(i, b);
                batches.set(i, new ArrayList<>(BATCH));
            }
        }

        private void put(int i, List<Item> b) throws IOException {
            try {
                if (failed != null) {
                    throw new IOException("a writer thread failed", failed);
                }
                queues.get(i).put(b);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }

        @Override
        public int finish() throws Exception {
            for (int i = 0; i < queues.size(); i++) {
                put(i, batches.get(i));
                put(i, END);
            }
            for (Thread t : threads) {
                t.join();
            }
            if (failed != null) {
                throw new IOException("a writer thread failed", failed);
            }
            int files = 0;
            for (Partitions p : partitions) {
                files += p.finish();
            }
            return files;
        }
    }
}
