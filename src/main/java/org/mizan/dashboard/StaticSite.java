package org.mizan.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the dashboard as a folder of static pages (for e-mail or offline reading): the overview, a page per unit
 * of the scope, a page and a CSV per panel, and ECharts beside them; every link relative.
 */
public final class StaticSite {

    private StaticSite() {}

    /** Writes the pages into {@code out} (created) and returns the files written, index.html first. */
    public static List<Path> write(PanelData data, List<Panel> panels, Scope scope, String period, Path out)
            throws IOException {
        try {
            return data.page(() -> writeAll(data, panels, scope, period, out));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> writeAll(PanelData data, List<Panel> panels, Scope scope, String period, Path out)
            throws IOException {
        Files.createDirectories(out);
        Pages pages = new Pages(data, panels, Links.STATIC);
        List<Path> written = new ArrayList<>();
        written.add(write(out.resolve("index.html"), pages.overview(scope, period)));
        for (String unit : data.units()) {
            if (data.allows(scope, unit)) {
                written.add(write(out.resolve(Links.STATIC.unit(unit, period)), pages.unit(scope, unit, period)));
            }
        }
        for (Panel p : pages.visible(scope)) {
            written.add(write(
                    out.resolve(Links.STATIC.panel(p.id(), null, period)), pages.panel(scope, p.id(), null, period)));
            Path csv = out.resolve(Links.STATIC.csv(p.id(), null, period));
            try (var w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                pages.csvQuery(scope, p.id(), null, period).stream(Csv.writer(w));
            }
            written.add(csv);
        }
        for (String a : Assets.NAMES) {
            Path f = out.resolve(a);
            Files.write(f, Assets.bytes(a));
            written.add(f);
        }
        return written;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
