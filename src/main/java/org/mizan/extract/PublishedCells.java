package org.mizan.extract;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mizan.config.MizanHome;
import org.mizan.extract.disclosure.Rules;

/**
 * The cells a region's extract for a year publishes, for everything else that leaves the national team (the
 * dashboard's pages, downloads and folders of a regional viewer): the same extract is read (the same queries, the
 * same disclosure control, nothing written), and every cell of a view that disclosure control guards is given as
 * the extract's CSV shows it, {@value #WITHHELD} where it is withheld.
 */
public final class PublishedCells {

    /** What a withheld cell shows, in an extract and on every page of a regional viewer. */
    public static final String WITHHELD = Cells.SUPPRESSED;

    /**
     * A guarded view of the extract: its key columns, the columns disclosure control may withhold, and each row's
     * cells as published (key text {@code NP-P1|2024|F} → column → text).
     */
    public record View(String name, List<String> key, Set<String> withheld, Map<String, Map<String, String>> rows) {}

    private final int threshold;
    private final Map<String, View> views;

    private PublishedCells(int threshold, Map<String, View> views) {
        this.threshold = threshold;
        this.views = views;
    }

    /** The region's extract for the year (a region of level 1; a four-digit year), read as an extract run reads it. */
    public static PublishedCells of(Path warehouse, String region, String year, int threshold) throws SQLException {
        RegionExtract.Result r =
                RegionExtract.read(warehouse, region, ExtractPeriod.parse(year), new Rules(threshold, true), null);
        Map<String, View> views = new HashMap<>();
        for (Table t : r.tables()) {
            if (t.view().withheld().isEmpty()) {
                continue;
            }
            Map<String, Map<String, String>> rows = new HashMap<>();
            for (List<Object> row : t.rows()) {
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < t.columns().size(); i++) {
                    cells.put(t.columns().get(i), ExtractFiles.shown(t, row, i));
                }
                rows.put(t.key(row), cells);
            }
            views.put(
                    t.name(),
                    new View(
                            t.name(),
                            t.view().key(),
                            new LinkedHashSet<>(t.view().withheld()),
                            rows));
        }
        return new PublishedCells(threshold, views);
    }

    /** The guarded view of that name, or null when the extract publishes it whole (or has no such view). */
    public View view(String name) {
        return views.get(name);
    }

    /** What {@value #WITHHELD} means, in the words of the extract's About sheet. */
    public String explanation() {
        return explanation(threshold);
    }

    /** What {@value #WITHHELD} means in an extract whose threshold is {@code threshold}. */
    public static String explanation(int threshold) {
        return "a cell withheld by disclosure control: a count of fewer than " + threshold
                + " persons (zero included), or a cell from which one could be worked out; an empty cell is a value not reported";
    }

    /** Every extract view's name → the columns disclosure control may withhold in it (empty: published whole). */
    public static Map<String, Set<String>> guardedViews() {
        Map<String, Set<String>> out = new HashMap<>();
        ExtractView.all().forEach(v -> out.put(v.name(), Set.copyOf(v.withheld())));
        return out;
    }

    /** The threshold the region's extracts use: its recipient's in {@code extracts.yml}, else the default. */
    public static int threshold(MizanHome home, String region) {
        return Recipients.load(home).stream()
                .filter(r -> r.region().equals(region))
                .mapToInt(Recipient::threshold)
                .max()
                .orElse(Rules.DEFAULT_THRESHOLD);
    }
}
