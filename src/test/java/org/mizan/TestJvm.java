package org.mizan;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a JVM a test starts of its own (a {@code mizan} command to be killed at a checkpoint, a
 * worker, a planner): this JVM's {@code java}, the test class path, and the flags
 * every such JVM takes. A test's JVM lives seconds and runs a little of everything, so the optimising compiler
 * would cost more than it saves: {@code -XX:TieredStopAtLevel=1} keeps the quick one only (a command's start-up
 * and small load take about half the CPU time), and the serial collector needs no threads of its own. Neither
 * changes what a command does; the launcher's users keep the JVM's defaults.
 */
public final class TestJvm {

    /** The flags of every JVM a test starts, before its own (a heap size, a collector of its own choosing). */
    public static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1");

    /** The collector of a JVM a test starts unless the test names one (two would stop the JVM at its start). */
    private static final String COLLECTOR = "-XX:+UseSerialGC";

    private TestJvm() {}

    /** This JVM's {@code java} executable. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString()
                + (File.separatorChar == '\\' ? ".exe" : "");
    }

    /** The class path the tests run with (Mizan's classes, the tests' and every dependency). */
    public static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /**
     * {@code java FLAGS jvmArgs -cp CLASSPATH main args…}, with the serial collector unless {@code jvmArgs} name
     * another (the launcher's, for a test that runs a load as users do).
     */
    public static List<String> command(List<String> jvmArgs, String main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(FLAGS);
        if (jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:+Use") && a.endsWith("GC"))) {
            cmd.add(COLLECTOR);
        }
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(main);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A {@code mizan} command ({@code org.mizan.cli.MizanMain}) with the given heap and arguments. */
    public static List<String> mizan(String heap, String... args) {
        return mizan(List.of(heap), args);
    }

    /** A {@code mizan} command with the given JVM options (a heap, a collector) and arguments. */
    public static List<String> mizan(List<String> jvmArgs, String... args) {
        return command(jvmArgs, "org.mizan.cli.MizanMain", args);
    }
}
