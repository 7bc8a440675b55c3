package org.mizan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The benchmark's single-file programs ({@code bench/Program.java}) as the tests run them: compiled once per version
 * of the source (into {@code target/bench-classes/<hash of the source>}, shared by every test JVM of the build and by
 * the next build) and run in the test's own JVM, in a class loader of their own (their static fields start afresh
 * each run). {@code java bench/Program.java} would start a JVM and compile the source for every run: a few CPU
 * seconds each time for the same classes. The program's arguments and output files are the ones a run by hand
 * gives.
 */
public final class BenchPrograms {

    private BenchPrograms() {}

    /** Runs {@code bench/<name>.java}'s main with the arguments; its output goes to this JVM's. */
    public static void run(String name, String... args) {
        Path classes = compiled(name);
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            loader.loadClass(name).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw new AssertionError("bench/" + name + ".java failed", e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The folder of the program's classes for the source as it is now: compiled unless a JVM of this or an earlier
     * build did it (a folder is moved into place whole, so a concurrent JVM never sees half of one).
     */
    private static synchronized Path compiled(String name) {
        Path source = Path.of("bench", name + ".java").toAbsolutePath();
        try {
            byte[] text = Files.readAllBytes(source);
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text))
                    .substring(0, 16);
            Path target = Path.of("target", "bench-classes", name + "-" + hash).toAbsolutePath();
            if (Files.isRegularFile(target.resolve(name + ".class"))) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path work = Files.createTempDirectory(target.getParent(), name + "-compiling-");
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int code = javac.run(null, null, null, "-proc:none", "-d", work.toString(), source.toString());
            if (code != 0) {
                throw new AssertionError("bench/" + name + ".java does not compile (javac exit " + code + ")");
            }
            try {
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // another JVM moved its folder first: use that one
                if (!Files.isRegularFile(target.resolve(name + ".class"))) {
                    throw e;
                }
                deleteTree(work);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** {@code GenerateRemittances N SEED OUTDIR}: the benchmark's gazetteer, FX rates and N remittance rows. */
    public static void generateRemittances(int rows, int seed, Path dir) {
        run(
                "GenerateRemittances",
                List.of(String.valueOf(rows), String.valueOf(seed), dir.toString())
                        .toArray(String[]::new));
    }
}
