package org.mizan.hostile;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mizan.cli.MizanMain;

/** Runs one Mizan command in a JVM of its own and prints the process's peak resident memory (VmHWM) as it ends. */
public final class RssProbe {

    private RssProbe() {}

    public static void main(String[] args) throws Exception {
        int code = MizanMain.execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        String peak = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.replaceAll("\\D", ""))
                .findFirst()
                .orElse("-1");
        System.out.println("peak-rss-kb " + peak);
        System.out.flush();
        System.exit(code);
    }
}
