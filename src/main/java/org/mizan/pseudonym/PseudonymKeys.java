package org.mizan.pseudonym;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.mizan.config.MizanHome;

/**
 * The pseudonym key chain: every key version, oldest first. A person_id is the HMAC of the newest key over the
 * HMAC of the one before, and so on down to the first key over the normalised identity; a rotation appends a
 * key and rewrites every stored person_id p as HMAC(new key, p), which needs no clear identity (jobs/README.md).
 * <p>
 * The chain comes from {@value #ENV} (or the system property {@value #PROPERTY}) when set:
 * {@code v1:BASE64[,v2:BASE64…]}, or one bare base64 key for version 1. Otherwise from
 * {@code MIZAN_HOME/keys/pseudonym.keys} (one {@code VERSION BASE64} line per key; directory 700, file 600),
 * created with a fresh random key on first use. Keys live outside the lake, the warehouse and the logs.
 */
public final class PseudonymKeys {

    public static final String ENV = "MIZAN_PSEUDONYM_KEY";
    public static final String PROPERTY = "mizan.pseudonym.key";
    static final String FILE = "pseudonym.keys";
    private static final int KEY_BYTES = 32;

    /** One key of the chain. */
    public record Key(int version, byte[] secret) {}

    private final List<Key> chain;
    private final Path file;

    private PseudonymKeys(List<Key> chain, Path file) {
        if (chain.isEmpty()) {
            throw new IllegalStateException("the pseudonym key chain is empty");
        }
        this.chain = List.copyOf(chain);
        this.file = file;
    }

    /** The chain of this home: from the environment if set, else the key file, created on first use. */
    public static PseudonymKeys of(MizanHome home) {
        String env = System.getProperty(PROPERTY);
        if (env == null || env.isBlank()) {
            env = System.getenv(ENV);
        }
        if (env != null && !env.isBlank()) {
            return new PseudonymKeys(parseEnv(env), null);
        }
        return fromFile(keysDir(home).resolve(FILE));
    }

    /** Where the key file and a rotation's journal live: {@code MIZAN_HOME/keys}, owner-only. */
    public static Path keysDir(MizanHome home) {
        Path dir = home.root().resolve("keys");
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                ownerOnly(dir, "rwx------");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": check that MIZAN_HOME is writable", e);
        }
        return dir;
    }

    static PseudonymKeys fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                try (FileChannel ch = FileChannel.open(
                                file.resolveSibling(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock ignored = ch.lock()) {
                    if (!Files.exists(file)) {
                        write(file, List.of(new Key(1, random())));
                    }
                }
            }
            List<Key> keys = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split("\\s+");
                keys.add(new Key(Integer.parseInt(f[0]), decode(f[1], file.toString())));
            }
            return new PseudonymKeys(keys, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym key file " + file, e);
        } catch (RuntimeException e) {
            if (e instanceof UncheckedIOException) {
                throw e;
            }
            throw new IllegalStateException("the pseudonym key file " + file + " is damaged ("
                    + e.getClass().getSimpleName()
                    + "): restore it from its backup; without it new records no longer link to stored ones");
        }
    }

    private static List<Key> parseEnv(String value) {
        List<Key> keys = new ArrayList<>();
        String[] parts = value.strip().split(",");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            int colon = p.indexOf(':');
            if (colon > 0 && p.startsWith("v")) {
                keys.add(new Key(Integer.parseInt(p.substring(1, colon)), decode(p.substring(colon + 1), ENV)));
            } else {
                keys.add(new Key(i + 1, decode(p, ENV)));
            }
        }
        return keys;
    }

    private static byte[] decode(String b64, String where) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a pseudonym key in " + where
                    + " is not base64: give 32 random bytes in base64" + " (e.g. openssl rand -base64 32)");
        }
        if (k.length < 16) {
            throw new IllegalStateException(
                    "a pseudonym key in " + where + " has " + k.length + " bytes: give at least 16 (better 32)");
        }
        return k;
    }

    static byte[] random() {
        byte[] k = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(k);
        return k;
    }

    /** Writes a chain to a file atomically, readable by its owner only. */
    static void write(Path file, List<Key> keys) throws IOException {
        StringBuilder text =
                new StringBuilder("# Mizan pseudonym keys, oldest first. Keep a backup: without every key,\n"
                        + "# new records no longer link to stored ones. Never commit or send this file.\n");
        for (Key k : keys) {
            text.append(k.version())
                    .append(' ')
                    .append(Base64.getEncoder().encodeToString(k.secret()))
                    .append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        ownerOnly(tmp, "rw-------");
        Files.writeString(tmp, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void ownerOnly(Path p, String perms) throws IOException {
        try {
            Set<PosixFilePermission> set = PosixFilePermissions.fromString(perms);
            Files.setPosixFilePermissions(p, set);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access rules apply
        }
    }

    public List<Key> chain() {
        return chain;
    }

    public int currentVersion() {
        return chain.get(chain.size() - 1).version();
    }

    /** The key file, or null when the chain comes from the environment. */
    public Path file() {
        return file;
    }

    /** This chain with one new random key appended (not saved). */
    public PseudonymKeys withNewKey() {
        List<Key> next = new ArrayList<>(chain);
        next.add(new Key(currentVersion() + 1, random()));
        return new PseudonymKeys(next, file);
    }

    /** Saves this chain to {@code target} atomically. */
    public void saveTo(Path target) throws IOException {
        write(target, chain);
    }

    @Override
    public String toString() {
        // never the secrets
        return "PseudonymKeys[versions 1.." + currentVersion() + (file == null ? ", from " + ENV : ", " + file) + "]";
    }
}
