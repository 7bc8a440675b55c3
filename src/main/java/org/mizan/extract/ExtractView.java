package org.mizan.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.mizan.warehouse.NamedQuery;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One view of a regional extract, kept in {@code warehouse/extracts/NN_name.sql}: its query (parameters
 * {@code :region}, {@code :year}, {@code :from_month}, {@code :to_month}, bound, never pasted) and, in its header,
 * the columns that key a row ({@code -- key:}), the period its rows are in ({@code -- period: year|quarter|month}),
 * the columns that count persons ({@code -- counts:}), the ones computed from them ({@code -- derived:}) and the
 * others disclosure control may withhold with them ({@code -- withheld:}, such as the scorecard's score).
 *
 * @param withheld every column disclosure control may withhold: the counts, the derived columns and {@code -- withheld:}
 */
public record ExtractView(
        String name,
        String description,
        List<String> key,
        String periodKind,
        List<String> counts,
        NamedQuery query,
        List<String> withheld) {

    /** Every extract view, in file order (the order of the files and sheets of an extract). */
    public static List<ExtractView> all() {
        List<ExtractView> out = new ArrayList<>();
        try {
            Resource[] files =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:warehouse/extracts/*.sql");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource r : files) {
                try (InputStream in = r.getInputStream()) {
                    out.add(parse(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read warehouse/extracts", e);
        }
        return out;
    }

    static ExtractView parse(String file, String text) {
        NamedQuery q = NamedQuery.parse(file, text);
        List<String> key = header(text, "key");
        if (key.isEmpty()) {
            throw new IllegalStateException("warehouse/extracts/" + file + " has no '-- key:' line");
        }
        List<String> period = header(text, "period");
        List<String> withheld = new ArrayList<>(header(text, "counts"));
        // "-- derived: coverage_pct from returnees, returnees_served": the column before "from"
        header(text, "derived").stream()
                .map(d -> d.split("\\s+")[0])
                .filter(d -> !d.isEmpty())
                .forEach(withheld::add);
        withheld.addAll(header(text, "withheld"));
        return new ExtractView(
                q.name(),
                q.description(),
                key,
                period.isEmpty() ? "year" : period.get(0),
                header(text, "counts"),
                q,
                List.copyOf(withheld));
    }

    private static List<String> header(String text, String name) {
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("-- " + name + ":")) {
                return List.of(t.substring(name.length() + 4).strip().split("\\s*,\\s*"));
            }
        }
        return List.of();
    }
}
