package org.mizan.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mizan.config.Checksums;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;

/**
 * The lake partitions an extract was built from, for its manifest: every partition ({@code dataset, period,
 * source}) of the extract's year (and the undated ones, such as the gazetteer's {@code all}), with each file's
 * size and SHA-256, so that a recipient (and the next release) can tell exactly which loads stand behind it.
 */
final class SourcePartitions {

    private SourcePartitions() {}

    static List<Map<String, Object>> of(Lake lake, String year) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Dataset d : Dataset.values()) {
            for (String partition : lake.partitions(d)) {
                String period = partition.substring("period=".length(), partition.indexOf('/'));
                if (!period.equals("all") && !period.startsWith(year)) {
                    continue;
                }
                List<Map<String, Object>> files = new ArrayList<>();
                try (Stream<Path> s = Files.list(lake.dir(d).resolve(partition))) {
                    for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                            .sorted()
                            .toList()) {
                        Map<String, Object> file = new LinkedHashMap<>();
                        file.put("file", lake.root().relativize(f).toString().replace('\\', '/'));
                        file.put("bytes", Files.size(f));
                        file.put("sha256", Checksums.sha256(f));
                        files.add(file);
                    }
                }
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("dataset", d.folder());
                p.put("period", period);
                p.put("source", partition.substring(partition.indexOf("source=") + "source=".length()));
                p.put("files", files);
                out.add(p);
            }
        }
        return out;
    }
}
