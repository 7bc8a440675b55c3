package org.mizan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mizan.MizanCli;

/**
 * Property over generated worlds ({@link GeneratedWorld}): for every region, the folder {@code mizan dashboard --out
 * DIR --region R --period 2024} writes (the same pages and downloads its live dashboard serves) shows every cell of
 * the guarded views exactly as R's extract for 2024 publishes it: its panel CSVs and tables cell for cell, its tiles
 * and rankings figure for figure, {@code [c]} where the extract withholds; no published person count below the
 * threshold anywhere.
 */
class RegionalDisclosurePropertyIT {

    private static final Pattern ROW = Pattern.compile("<tr( data-unit=\"([^\"]+)\")?[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>", Pattern.DOTALL);

    @ParameterizedTest
    @ValueSource(longs = {7})
    void aRegionsFolderShowsExactlyWhatItsExtractPublishes(long seed) throws Exception {
        MizanCli cli = GeneratedWorld.load(seed);
        int withheldSeen = 0;
        int compared = 0;
        for (String region : List.of("NP-R1", "NP-R2", "NP-R3")) {
            // given the region's extract for 2024 and its dashboard folder for the same year
            assertThat(cli.run("run", "extract-region", "region=" + region, "period=2024")
                            .code())
                    .isZero();
            Path release = cli.home().resolve("extracts/" + region + "/2024/v1");
            Path folder = cli.home().resolve("folder-" + region);
            MizanCli.Result r =
                    cli.run("dashboard", "--out", folder.toString(), "--region", region, "--period", "2024");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            Map<String, Map<String, String>> coverage =
                    byKey(release.resolve("reintegration_coverage.csv"), "unit_code", "period", "sex");
            Map<String, Map<String, String>> scorecard =
                    byKey(release.resolve("coherence_scorecard.csv"), "unit_code", "period");
            // then the panels' downloads are the extract's cells, row for row
            compared += sameCells(
                    folder.resolve("panel-reintegration-coverage.csv"), coverage, "unit_code", "period", "sex");
            compared += sameCells(folder.resolve("panel-scorecard.csv"), scorecard, "unit_code", "period");
            // and so are the panels' tables
            compared += sameTable(
                    folder.resolve("panel-reintegration-coverage.html"),
                    "reintegration-coverage",
                    coverage,
                    "unit_code",
                    "period",
                    "sex");
            compared +=
                    sameTable(folder.resolve("panel-scorecard.html"), "scorecard", scorecard, "unit_code", "period");
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith("unit-"))
                        .toList()) {
                    String html = Files.readString(f);
                    String unit = f.getFileName().toString().replaceAll("^unit-|\\.html$", "");
                    // the tiles: returnees and coverage of the unit's row (sex all), its score
                    Map<String, String> own = coverage.get(unit + "|2024|all");
                    for (String field : List.of("returnees", "coverage_pct")) {
                        String shown = headline(html, "reintegration-coverage", field, unit);
                        if (own == null) {
                            assertThat(shown)
                                    .as("%s %s %s", region, unit, field)
                                    .isEqualTo("not reported");
                        } else {
                            assertThat(shown)
                                    .as("%s %s %s", region, unit, field)
                                    .isEqualTo(own.get(field));
                            withheldSeen += "[c]".equals(shown) ? 1 : 0;
                            compared++;
                        }
                    }
                    Map<String, String> score = scorecard.get(unit + "|2024");
                    String shownScore = headline(html, "scorecard", "score", unit);
                    if (score != null && !score.get("score").isEmpty()) {
                        assertThat(shownScore).as("%s score", unit).isEqualTo(score.get("score"));
                        compared++;
                    } else {
                        assertThat(shownScore).as("%s score", unit).doesNotMatch("[0-9.]+");
                    }
                    // the ranking of the units below: each one's score and reasons as published
                    Matcher m = Pattern.compile(
                                    "<section class=\"ranking\" data-panel=\"scorecard\">(.*?)</section>",
                                    Pattern.DOTALL)
                            .matcher(html);
                    if (m.find()) {
                        Matcher row = ROW.matcher(m.group(1));
                        while (row.find()) {
                            if (row.group(2) == null || row.group(0).contains("unranked")) {
                                continue;
                            }
                            List<String> cells = cells(row.group(3));
                            Map<String, String> child = scorecard.get(row.group(2) + "|2024");
                            // rank, unit, code, then score, flags, reasons
                            assertThat(List.of(cells.get(3), cells.get(5)))
                                    .as("%s ranking %s", unit, row.group(2))
                                    .containsExactly(child.get("score"), child.get("reasons"));
                            compared++;
                        }
                    }
                }
            }
            // nowhere in the folder a person's identity
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.filter(p -> p.toString().matches(".*\\.(html|csv)$"))
                        .toList()) {
                    assertThat(Files.readString(f))
                            .as(f.toString())
                            .doesNotContain("G-ID-")
                            .doesNotContain("Gen Person");
                }
            }
            for (Map<String, String> row : coverage.values()) {
                for (String c : List.of("returnees", "returnees_served")) {
                    if (!row.get(c).equals("[c]") && !row.get(c).isEmpty()) {
                        assertThat(Long.parseLong(row.get(c))).isGreaterThanOrEqualTo(5);
                    }
                }
            }
        }
        // the world is big enough for withheld cells to be compared
        assertThat(withheldSeen).isPositive();
        assertThat(compared).isGreaterThan(50);
    }

    private static String headline(String html, String panel, String field, String unit) {
        Matcher m = Pattern.compile("<div class=\"headline\" data-panel=\"" + panel + "\" data-field=\"" + field
                        + "\" data-unit=\"" + Pattern.quote(unit) + "\"><span class=\"value[^\"]*\"[^>]*>([^<]*)<")
                .matcher(html);
        assertThat(m.find()).as(panel + " " + field + " of " + unit).isTrue();
        return unescape(m.group(1));
    }

    private static Map<String, Map<String, String>> byKey(Path csv, String... key) throws Exception {
        List<List<String>> rows = CsvTestReader.parse(Files.readString(csv));
        Map<String, Map<String, String>> out = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < row.size(); i++) {
                cells.put(rows.get(0).get(i), row.get(i));
            }
            out.put(key(cells, key), cells);
        }
        return out;
    }

    private static String key(Map<String, String> cells, String... key) {
        StringBuilder b = new StringBuilder();
        for (String k : key) {
            b.append(b.isEmpty() ? "" : "|").append(cells.get(k));
        }
        return b.toString();
    }

    /** Every cell of the dashboard's CSV in a column the extract also has equals the extract's; returns cells compared. */
    private static int sameCells(Path csv, Map<String, Map<String, String>> extract, String... key) throws Exception {
        Map<String, Map<String, String>> shown = byKey(csv, key);
        assertThat(shown.keySet()).as(csv.toString()).isEqualTo(extract.keySet());
        int n = 0;
        for (var e : shown.entrySet()) {
            for (var cell : e.getValue().entrySet()) {
                if (extract.get(e.getKey()).containsKey(cell.getKey())) {
                    assertThat(cell.getValue())
                            .as("%s %s %s", csv.getFileName(), e.getKey(), cell.getKey())
                            .isEqualTo(extract.get(e.getKey()).get(cell.getKey()));
                    n++;
                }
            }
        }
        return n;
    }

    private static int sameTable(Path html, String panel, Map<String, Map<String, String>> extract, String... key)
            throws Exception {
        String page = Files.readString(html);
        Matcher t = Pattern.compile("<table class=\"rows\" data-panel=\"" + panel + "\">(.*?)</table>", Pattern.DOTALL)
                .matcher(page);
        assertThat(t.find()).as(html.toString()).isTrue();
        Matcher rows = ROW.matcher(t.group(1));
        List<String> header = null;
        int n = 0;
        while (rows.find()) {
            List<String> cells = cells(rows.group(3));
            if (header == null) {
                header = cells;
                continue;
            }
            Map<String, String> byColumn = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                byColumn.put(header.get(i), cells.get(i));
            }
            Map<String, String> published = extract.get(key(byColumn, key));
            assertThat(published).as("%s row %s", html.getFileName(), byColumn).isNotNull();
            for (String c : header) {
                if (published.containsKey(c) && !c.equals("suppressed")) {
                    assertThat(byColumn.get(c))
                            .as("%s %s %s", html.getFileName(), key(byColumn, key), c)
                            .isEqualTo(published.get(c));
                    n++;
                }
            }
        }
        return n;
    }

    private static List<String> cells(String row) {
        Matcher c = CELL.matcher(row);
        List<String> out = new java.util.ArrayList<>();
        while (c.find()) {
            out.add(unescape(c.group(1).replaceAll("<[^>]+>", "").strip()));
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
