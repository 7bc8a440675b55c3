package org.mizan.pseudonym;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Mac;
import org.apache.avro.specific.SpecificRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.mizan.config.Folders;
import org.mizan.config.MizanHome;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;
import org.mizan.lake.LakeReader;
import org.mizan.lake.PartitionedParquetWriter;

/**
 * Re-keys every stored person_id with a new key appended to the chain ({@link PseudonymKeys}): p becomes
 * HMAC(new key, p), partition by partition, so every link between records survives and no clear identity is
 * needed. Crash-safe: the rewritten files are staged first, then a journal naming them is written, then each
 * unit is swapped in through the lake's commit journal, and only then does the new chain replace the key file.
 * A rotation cut short after its journal is finished by the next {@code rotate-key}; until then no registry
 * load runs (it would hash with a chain the lake no longer matches).
 */
public final class KeyRotation {

    static final String JOURNAL = "rotation.journal";
    /** Written before a rotation checks for running loads, removed when it is done: registry loads wait for it. */
    static final String PENDING = "rotation.pending";

    static final String NEXT = PseudonymKeys.FILE + ".next";
    static final String STAGING = "rotate-key";

    /** What a rotation did. */
    public record Result(int fromVersion, int toVersion, int files, long personIds, boolean resumed) {}

    private final MizanHome home;
    private final Lake lake;

    public KeyRotation(MizanHome home) {
        this.home = home;
        this.lake = new Lake(home.lake());
    }

    /** The pseudonymiser a registry load uses; refused while a rotation is unfinished. */
    public static Pseudonymiser pseudonymiserFor(MizanHome home) {
        Path keys = PseudonymKeys.keysDir(home);
        if (Files.exists(keys.resolve(JOURNAL))) {
            throw new IllegalStateException(
                    "a key rotation was cut short: run ./mizan rotate-key to finish it before loading registries");
        }
        if (Files.exists(keys.resolve(PENDING))) {
            throw new IllegalStateException("a key rotation is running or was cut short (" + keys.resolve(PENDING)
                    + "): load registries" + " when it is done, or run ./mizan rotate-key to finish it");
        }
        return new Pseudonymiser(PseudonymKeys.of(home));
    }

    /**
     * Marks a rotation as begun, before the caller checks that no registry load runs: a load that starts later
     * refuses to (it would hash with the chain the rotation is replacing), and one that started earlier is seen
     * running. {@link #rotate} removes the mark when it is done; {@link #abandonBegun} when the caller gives up.
     */
    public void begin() throws IOException {
        Files.writeString(
                PseudonymKeys.keysDir(home).resolve(PENDING),
                "rotate-key pid " + ProcessHandle.current().pid() + "\n");
    }

    public void abandonBegun() throws IOException {
        if (!Files.exists(PseudonymKeys.keysDir(home).resolve(JOURNAL))) {
            Files.deleteIfExists(PseudonymKeys.keysDir(home).resolve(PENDING));
        }
    }

    public Result rotate() throws IOException {
        Result result = lake.exclusive(() -> {
            lake.recover();
            Path journal = PseudonymKeys.keysDir(home).resolve(JOURNAL);
            if (Files.exists(journal)) {
                return finish(journal, true);
            }
            Result staged = prepare(journal);
            Result r = finish(journal, false);
            return new Result(r.fromVersion(), r.toVersion(), staged.files(), staged.personIds(), false);
        });
        return result;
    }

    /**
     * Only the first half of a rotation: the new chain beside the old, every file re-keyed into staging, and the
     * journal; nothing in the lake changed. What a crash right after the journal leaves (crash tests use it).
     */
    public Result prepareOnly() throws IOException {
        return lake.exclusive(() -> {
            lake.recover();
            Path journal = PseudonymKeys.keysDir(home).resolve(JOURNAL);
            if (Files.exists(journal)) {
                throw new IllegalStateException("a rotation is already prepared: run ./mizan rotate-key to finish it");
            }
            return prepare(journal);
        });
    }

    private Result prepare(Path journal) throws IOException {
        Path keysDir = journal.getParent();
        PseudonymKeys keys = PseudonymKeys.of(home);
        if (keys.file() == null) {
            throw new IllegalStateException("the pseudonym key comes from " + PseudonymKeys.ENV
                    + ": rotate it where that variable is" + " kept, or unset it so that MIZAN_HOME/keys/"
                    + PseudonymKeys.FILE + " is used and rotated");
        }
        List<String> waiting = stagedRegistryRuns();
        if (!waiting.isEmpty()) {
            throw new IllegalStateException(
                    "registry runs " + waiting + " have rows staged under the current key, waiting for a"
                            + " rerun: rerun or abandon them first (./mizan history, ./mizan rerun, ./mizan abandon)");
        }
        PseudonymKeys next = keys.withNewKey();
        next.saveTo(keysDir.resolve(NEXT));
        Mac mac = Pseudonymiser.macOf(next.chain().get(next.chain().size() - 1));
        Path staging = home.staging().resolve(STAGING);
        Folders.deleteTree(staging);
        List<String> lines =
                new ArrayList<>(List.of(staging.toString(), keys.currentVersion() + "\t" + next.currentVersion()));
        long ids = 0;
        int files = 0;
        for (Dataset d : Dataset.WITH_PERSON_IDS) {
            Map<String, List<String>> byUnit = new LinkedHashMap<>();
            for (Path file : lakeFiles(d)) {
                String rel = lake.dir(d).relativize(file).toString();
                Path target = staging.resolve(d.folder()).resolve(rel);
                ids += rewrite(d, file, target, mac, next.currentVersion());
                files++;
                byUnit.computeIfAbsent(unitOf(file.getFileName().toString()), k -> new ArrayList<>())
                        .add(rel);
            }
            byUnit.forEach((unit, rels) -> lines.add(d.folder() + "\t" + unit + "\t" + String.join("\t", rels)));
        }
        Path tmp = journal.resolveSibling(JOURNAL + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new Result(keys.currentVersion(), next.currentVersion(), files, ids, false);
    }

    /** Swaps every staged unit in (each through the lake's commit journal), then switches the key file. */
    private Result finish(Path journal, boolean resumed) throws IOException {
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        Path staging = Path.of(lines.get(0));
        String[] versions = lines.get(1).split("\t");
        int files = 0;
        for (String line : lines.subList(2, lines.size())) {
            String[] f = line.split("\t");
            Dataset d = Dataset.of(f[0]);
            List<Path> rels = new ArrayList<>();
            for (int i = 2; i < f.length; i++) {
                rels.add(Path.of(f[i]));
            }
            // a unit committed before a crash has nothing left in staging: committing it again changes nothing
            lake.commit(d, f[1], staging.resolve(d.folder()), rels);
            files += rels.size();
        }
        Path keysDir = journal.getParent();
        Path next = keysDir.resolve(NEXT);
        if (Files.exists(next)) {
            Files.move(
                    next,
                    keysDir.resolve(PseudonymKeys.FILE),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.delete(journal);
        Files.deleteIfExists(keysDir.resolve(PENDING));
        Folders.deleteTree(staging);
        return new Result(Integer.parseInt(versions[0]), Integer.parseInt(versions[1]), files, 0, resumed);
    }

    private long rewrite(Dataset d, Path from, Path to, Mac mac, int version) throws IOException {
        Files.createDirectories(to.getParent());
        int personField = d.schema().getField("person_id").pos();
        int versionField = d.schema().getField("key_version").pos();
        long[] n = {0};
        try (ParquetWriter<SpecificRecord> w = PartitionedParquetWriter.writer(d, to)) {
            IOException[] failed = {null};
            LakeReader.read(d, from, r -> {
                if (failed[0] != null) {
                    return;
                }
                r.put(personField, Pseudonymiser.rekey(mac, (String) r.get(personField)));
                r.put(versionField, version);
                try {
                    w.write(r);
                    n[0]++;
                } catch (IOException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
        }
        return n[0];
    }

    private List<Path> lakeFiles(Dataset d) throws IOException {
        Path dir = lake.dir(d);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")
                            && !p.getFileName().toString().startsWith("_"))
                    .sorted()
                    .toList();
        }
    }

    /** {@code unit.parquet} and {@code unit~2.parquet} are both of {@code unit}. */
    static String unitOf(String fileName) {
        String base = fileName.substring(0, fileName.length() - ".parquet".length());
        int tilde = base.lastIndexOf('~');
        return tilde > 0 && base.substring(tilde + 1).matches("\\d+") ? base.substring(0, tilde) : base;
    }

    /** Registry runs that failed after staging rows (hashed with the current chain) and may still be rerun. */
    private List<String> stagedRegistryRuns() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(home.staging())) {
            for (Path run : s.filter(p -> p.getFileName().toString().startsWith("ingest-registries-"))
                    .sorted()
                    .toList()) {
                try (Stream<Path> files = Files.walk(run)) {
                    if (files.anyMatch(p -> p.toString().endsWith(".parquet"))) {
                        out.add(run.getFileName().toString());
                    }
                }
            }
        }
        return out;
    }
}
