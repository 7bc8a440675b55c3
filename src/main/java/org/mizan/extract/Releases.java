package org.mizan.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mizan.config.MizanHome;

/**
 * A recipient's releases under {@code MIZAN_HOME/extracts/<recipient>/<period>/}: {@code v1/}, {@code v2/}, … (the
 * files delivered, read-only once written: a release is never changed), beside each {@code vN.cells} (every cell
 * as shown, to compare the next extract with) and, once delivered, {@code vN.delivered}.
 */
final class Releases {

    private static final Pattern VERSION = Pattern.compile("v(\\d+)");

    /** A release on disk. */
    record Release(String recipient, String period, int version, Path dir) {

        String deliveryName(String region) {
            return region + "_" + period + "_v" + version;
        }

        Path cells() {
            return dir.resolveSibling("v" + version + ".cells");
        }

        Path delivered() {
            return dir.resolveSibling("v" + version + ".delivered");
        }
    }

    private final Path root;

    Releases(MizanHome home, String recipient) {
        this.root = home.root().resolve("extracts").resolve(recipient);
    }

    Path periodDir(String period) {
        return root.resolve(period);
    }

    /** The newest release of a period, if any. */
    Optional<Release> latest(String recipient, String period) throws IOException {
        List<Release> all = of(recipient, period);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    List<Release> of(String recipient, String period) throws IOException {
        Path dir = periodDir(period);
        List<Release> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> {
                Matcher m = VERSION.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p)) {
                    out.add(new Release(recipient, period, Integer.parseInt(m.group(1)), p));
                }
            });
        }
        out.sort(java.util.Comparator.comparingInt(Release::version));
        return out;
    }

    /** Every release of the recipient not yet delivered, oldest first. */
    List<Release> undelivered(String recipient) throws IOException {
        List<Release> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.sorted().toList()) {
                for (Release r : of(recipient, p.getFileName().toString())) {
                    if (!Files.exists(r.delivered())) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    /** Every cell as shown, keyed {@code view \t row key \t column}. */
    static Map<String, String> cells(List<Table> tables) {
        Map<String, String> out = new TreeMap<>();
        for (Table t : tables) {
            for (List<Object> row : t.rows()) {
                String key = t.key(row);
                for (int i = 0; i < row.size(); i++) {
                    out.put(t.name() + "\t" + key + "\t" + t.columns().get(i), ExtractFiles.shown(t, row, i));
                }
            }
        }
        return out;
    }

    static void writeCells(Path file, Map<String, String> cells) throws IOException {
        StringBuilder b = new StringBuilder();
        cells.forEach((k, v) -> b.append(k)
                .append('\t')
                .append(v.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t"))
                .append('\n'));
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    static Map<String, String> readCells(Path file) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] p = line.split("\t", 4);
            String v = p[3].replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\");
            out.put(p[0] + "\t" + p[1] + "\t" + p[2], v);
        }
        return out;
    }

    /** A changed cell: its view, row key, column, and the value before and after ("" when the row was not there). */
    record Change(String view, String key, String column, String before, String after) {}

    static List<Change> changes(Map<String, String> before, Map<String, String> after) {
        TreeMap<String, String[]> all = new TreeMap<>();
        before.forEach((k, v) -> all.computeIfAbsent(k, x -> new String[] {"", ""})[0] = v);
        after.forEach((k, v) -> all.computeIfAbsent(k, x -> new String[] {"", ""})[1] = v);
        List<Change> out = new ArrayList<>();
        all.forEach((k, v) -> {
            boolean was = before.containsKey(k);
            boolean is = after.containsKey(k);
            if (was != is || !v[0].equals(v[1])) {
                String[] p = k.split("\t", 3);
                out.add(new Change(p[0], p[1], p[2], was ? v[0] : "(no row)", is ? v[1] : "(no row)"));
            }
        });
        return out;
    }
}
