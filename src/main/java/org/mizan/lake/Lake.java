package org.mizan.lake;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * The Parquet lake: {@code <dataset>/period=…/source=…/<unit>.parquet}, where a unit is one delivered file.
 * A file delivered again replaces its own parts and nothing else; a second file for the same period adds to it.
 *
 * <p>A dataset's folder holds its partitions and nothing else, so that any engine reads it as a Hive-partitioned
 * table ({@code read_parquet('<dataset>/**}{@code /*.parquet', hive_partitioning = true)}): the period is in the
 * folder's name only ({@link Dataset#fileSchema()}); the empty schema file of each dataset lives in
 * {@code _meta/<dataset>/}, and the commit journals in {@code _journal/}.
 */
public final class Lake {

    private final Path root;

    public Lake(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path dir(Dataset dataset) {
        return root.resolve(dataset.folder());
    }

    /** The folder of a partition under a dataset's folder: {@code period=…/source=…}. */
    public static String partition(String period, String source) {
        return "period=" + safe(period) + "/source=" + safe(source);
    }

    /**
     * The unit of load of a delivered file: its name, kept to characters every file system and engine accepts,
     * and the start of the SHA-256 of the path the steward gave, so that two files of one name in two folders
     * ({@code p1/march.csv}, {@code p2/march.csv}), or two names that read alike ({@code "a b.csv"},
     * {@code a_b.csv}), are two units; only the same path delivered again replaces its unit ({@link Loads}).
     */
    public static String unitOf(Path file) {
        Path p = file.toAbsolutePath().normalize();
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(p.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return safe(p.getFileName().toString()) + "-"
                    + java.util.HexFormat.of().formatHex(h, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String unitFileName(String unit, int part) {
        return part == 1 ? unit + ".parquet" : unit + "~" + part + ".parquet";
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Whether a partition folder's name keeps {@code value} as it is (a period is stored there alone). */
    public static boolean namesExactly(String value) {
        return !value.isEmpty() && safe(value).equals(value);
    }

    /**
     * Moves a load's staged files into place (each rename atomic, replacing the unit's earlier file of the same
     * partition), then removes the unit's files the new load no longer has. Other units are never touched.
     * A journal written first names every move, so that a commit cut short (a crash, a kill) is finished by
     * {@link #recover()} before the lake is read or changed again. Call it under {@link #exclusive}.
     */
    public List<Path> commit(Dataset dataset, String unit, Path staging, List<Path> staged) throws IOException {
        return commit(dataset, unit, null, staging, staged);
    }

    /**
     * As {@link #commit(Dataset, String, Path, List)}, limited to one partition when {@code partition} is given
     * ({@code period=…/source=…}, see {@link #partition}): the unit's files in other partitions stay as they are.
     */
    public List<Path> commit(Dataset dataset, String unit, String partition, Path staging, List<Path> staged)
            throws IOException {
        Path journal = journals().resolve(dataset.folder() + "__" + unit + ".commit");
        List<String> lines = new ArrayList<>(
                List.of(dataset.folder(), unit, partition == null ? "" : partition, staging.toString()));
        staged.forEach(p -> lines.add(p.toString()));
        Path tmp = journal.resolveSibling(journal.getFileName() + ".tmp");
        Files.write(tmp, lines);
        Files.move(tmp, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        List<Path> placed = apply(dataset, unit, partition, staging, staged);
        logCommit(dataset, unit);
        Files.delete(journal);
        return placed;
    }

    /** Every commit appends "dataset, unit" to this log, so a load can tell what was committed while it ran. */
    private Path commitLog() throws IOException {
        return journals().resolve("commits.log");
    }

    private void logCommit(Dataset dataset, String unit) throws IOException {
        Files.writeString(
                commitLog(),
                dataset.folder() + "\t" + unit + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Where the commit log ends now: what {@link #unitsCommittedSince} compares with. */
    public long commitLogSize() throws IOException {
        Path log = commitLog();
        return Files.exists(log) ? Files.size(log) : 0;
    }

    /** The units of a dataset committed after the commit log had {@code offset} bytes. */
    public Set<String> unitsCommittedSince(Dataset dataset, long offset) throws IOException {
        Set<String> units = new HashSet<>();
        Path log = commitLog();
        if (!Files.exists(log)) {
            return units;
        }
        try (var channel = FileChannel.open(log, StandardOpenOption.READ)) {
            channel.position(offset);
            String tail = new String(
                    java.nio.channels.Channels.newInputStream(channel).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            for (String line : tail.split("\n")) {
                String[] f = line.split("\t");
                if (f.length == 2 && f[0].equals(dataset.folder())) {
                    units.add(f[1]);
                }
            }
        }
        return units;
    }

    /** The lake files of a dataset that belong to any unit but {@code except} (not the schema file). */
    public List<Path> filesOfOtherUnits(Dataset dataset, String except) throws IOException {
        return parquetFiles(dataset, n -> !n.startsWith("_") && !isOfUnit(n, except));
    }

    /**
     * Finishes every commit a crash cut short: the moves left, then the removal of the unit's older files. A lake
     * written before the dataset folders were Hive tables has its schema file inside each dataset's folder: it is
     * removed (the schema file is in {@code _meta/} now, {@link #ensureSchemaFile}); its data files, which hold the
     * period as well as their folder, are read as they are.
     */
    public int recover() throws IOException {
        for (Dataset d : Dataset.values()) {
            Files.deleteIfExists(dir(d).resolve(LEGACY_SCHEMA_FILE));
            Files.deleteIfExists(dir(d).resolve(LEGACY_SCHEMA_FILE + ".tmp"));
        }
        int finished = 0;
        try (Stream<Path> s = Files.list(journals())) {
            for (Path journal :
                    s.filter(p -> p.toString().endsWith(".commit")).sorted().toList()) {
                // a commit log line may already be there if the crash came after it: a unit listed twice is harmless
                List<String> lines = Files.readAllLines(journal);
                // dataset, unit, [partition: empty for the whole unit, or period=…/source=…], staging, staged files…
                // (journals of earlier versions have no partition line: their third line is the staging path)
                boolean scoped = lines.get(2).isEmpty() || lines.get(2).startsWith("period=");
                int first = scoped ? 4 : 3;
                List<Path> staged = lines.subList(first, lines.size()).stream()
                        .map(Path::of)
                        .toList();
                String partition = scoped && !lines.get(2).isEmpty() ? lines.get(2) : null;
                apply(Dataset.of(lines.get(0)), lines.get(1), partition, Path.of(lines.get(first - 1)), staged);
                logCommit(Dataset.of(lines.get(0)), lines.get(1));
                Files.delete(journal);
                finished++;
            }
        }
        return finished;
    }

    private List<Path> apply(Dataset dataset, String unit, String partition, Path staging, List<Path> staged)
            throws IOException {
        Path dir = dir(dataset);
        Path scope = partition == null ? dir : dir.resolve(partition);
        Set<Path> kept = new HashSet<>();
        for (Path rel : staged) {
            Path target = dir.resolve(rel.toString());
            Path source = staging.resolve(rel);
            // on recovery, a file already moved before the crash is in place: nothing left to do for it
            if (Files.exists(source)) {
                Files.createDirectories(target.getParent());
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            kept.add(target);
        }
        for (Path old : filesOf(dataset, unit)) {
            if (!kept.contains(old) && old.startsWith(scope)) {
                Files.delete(old);
            }
        }
        // a lake written before loads had an identity named a unit by the file's base name alone, and a file of that
        // name replaced it: that earlier load is this file's, so it is replaced as it was then (once), never kept twice
        String legacy = legacyUnit(unit);
        if (legacy != null && !new Loads(this).recorded(legacy)) {
            for (Path old : filesOf(dataset, legacy)) {
                if (!kept.contains(old) && old.startsWith(scope)) {
                    Files.delete(old);
                }
            }
        }
        return new ArrayList<>(kept);
    }

    /** The name a unit had before loads had an identity ({@code march.csv} for {@code march.csv-1a2b3c4d}); null if none. */
    static String legacyUnit(String unit) {
        return unit.matches(".+-[0-9a-f]{8}") ? unit.substring(0, unit.length() - 9) : null;
    }

    private Path journals() throws IOException {
        return Files.createDirectories(root.resolve("_journal"));
    }

    /**
     * Runs {@code action} while holding the lake's lock (a file lock, so other Mizan processes on the same home
     * wait too): commits and warehouse builds never overlap, so a build never reads half a commit.
     */
    public <T> T exclusive(IoAction<T> action) throws IOException {
        synchronized (Lake.class) {
            Files.createDirectories(root);
            try (FileChannel channel = FileChannel.open(
                            root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                return action.run();
            }
        }
    }

    /** Work done under the lake's lock. */
    @FunctionalInterface
    public interface IoAction<T> {
        T run() throws IOException;
    }

    /** Where a lake file sits: its partition's period and source, and its unit (delivered file). */
    public record Located(String period, String source, String unit) {}

    /** The partition and unit of a lake file ({@code …/period=P/source=S/unit[~n].parquet}); null for others. */
    public static Located locate(Path file) {
        int n = file.getNameCount();
        if (n < 3) {
            return null;
        }
        String src = file.getName(n - 2).toString();
        String per = file.getName(n - 3).toString();
        String name = file.getFileName().toString();
        if (!src.startsWith("source=") || !per.startsWith("period=") || !name.endsWith(".parquet")) {
            return null;
        }
        return new Located(per.substring("period=".length()), src.substring("source=".length()), unitOfFile(name));
    }

    /** The unit a lake file belongs to: its name without the part number ({@code unit~N.parquet}) and extension. */
    private static String unitOfFile(String name) {
        int tilde = name.lastIndexOf('~');
        return tilde > 0 ? name.substring(0, tilde) : name.substring(0, name.length() - ".parquet".length());
    }

    /** The units (delivered files) with rows in one partition of a dataset. */
    public Set<String> unitsIn(Dataset dataset, String partition) throws IOException {
        Path dir = dir(dataset).resolve(partition);
        Set<String> units = new java.util.TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return units;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".parquet"))
                    .forEach(n -> units.add(unitOfFile(n)));
        }
        return units;
    }

    /** The partitions ({@code period=…/source=…}) of a dataset that hold files, sorted. */
    public List<String> partitions(Dataset dataset) throws IOException {
        Path dir = dir(dataset);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir, 2)) {
            return s.filter(p -> dir.relativize(p).getNameCount() == 2
                            && p.getFileName().toString().startsWith("source="))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** Every file of one unit in a dataset. */
    public List<Path> filesOf(Dataset dataset, String unit) throws IOException {
        return parquetFiles(dataset, n -> isOfUnit(n, unit));
    }

    /** A Parquet file name of the unit: its first part, or a later one ({@code unit~N.parquet}). */
    private static boolean isOfUnit(String name, String unit) {
        return name.equals(unit + ".parquet") || name.startsWith(unit + "~");
    }

    private List<Path> parquetFiles(Dataset dataset, java.util.function.Predicate<String> name) throws IOException {
        Path dir = dir(dataset);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".parquet") && name.test(n);
                    })
                    .toList();
        }
    }

    /** Where the schema file was in a lake written before the dataset folders were Hive tables. */
    static final String LEGACY_SCHEMA_FILE = "_schema.parquet";

    /**
     * An empty Parquet file with every field of the dataset's schema (the period too), so that the warehouse reads a
     * dataset nobody loaded yet; outside the dataset's folder, where a glob over the folder does not meet it.
     */
    public Path schemaFile(Dataset dataset) {
        return root.resolve("_meta").resolve(dataset.folder()).resolve("_schema.parquet");
    }

    /** Writes {@link #schemaFile} unless it is there with the dataset's current schema. */
    public void ensureSchemaFile(Dataset dataset) throws IOException {
        Path file = schemaFile(dataset);
        if (Files.exists(file) && dataset.schema().toString().equals(avroSchemaOf(file))) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("_schema.parquet.tmp");
        Files.deleteIfExists(tmp);
        try (ParquetWriter<SpecificRecord> w = PartitionedParquetWriter.wholeRecordWriter(dataset, tmp)) {
            // no rows: the footer carries the schema
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
        }
    }

    /** The Avro schema a Parquet file's footer names ({@code parquet.avro.schema}), or null. */
    static String avroSchemaOf(Path file) throws IOException {
        try (var reader =
                org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(file))) {
            return reader.getFooter().getFileMetaData().getKeyValueMetaData().get("parquet.avro.schema");
        }
    }

    /** Whether a dataset has any data file (a glob over an empty folder is an error to DuckDB). */
    public boolean hasFiles(Dataset dataset) throws IOException {
        Path dir = dir(dataset);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".parquet") && !n.equals(LEGACY_SCHEMA_FILE);
            });
        }
    }

    /** The glob DuckDB reads a dataset through. */
    public String glob(Dataset dataset) {
        return dir(dataset).resolve("**").resolve("*.parquet").toString();
    }
}
