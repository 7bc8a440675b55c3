package org.mizan.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/** The dashboard's panels, read from {@code dashboards/*.yml}, in the order of their {@code position}, then id. */
public final class Panels {

    private Panels() {}

    /** The panels packaged with Mizan (the checkout's {@code dashboards/} folder). */
    public static List<Panel> packaged() {
        List<Panel> out = new ArrayList<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:dashboards/*.yml")) {
                try (InputStream in = r.getInputStream()) {
                    out.add(parse(r.getFilename(), in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged dashboards/*.yml", e);
        }
        return sorted(out);
    }

    /** The panels of a folder of {@code *.yml} files. */
    public static List<Panel> fromDirectory(Path dir) {
        List<Panel> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yml"))
                    .toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.add(parse(f.getFileName().toString(), in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the panels in " + dir, e);
        }
        return sorted(out);
    }

    /** The panel with that id. */
    public static Panel byId(List<Panel> panels, String id) {
        return panels.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    private static Panel parse(String fileName, InputStream in) {
        String id = fileName.replaceAll("\\.yml$", "");
        Object doc;
        try {
            doc = new Yaml().load(in);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new Panel.PanelException(
                    "dashboards/" + fileName + " is not valid YAML (quote a text that holds ': '): " + e.getMessage());
        }
        if (doc != null && !(doc instanceof Map)) {
            throw new Panel.PanelException(
                    "dashboards/" + fileName + " is not a YAML mapping of keys (title: …, view: …)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) doc;
        return Panel.fromYaml(id, map);
    }

    private static List<Panel> sorted(List<Panel> panels) {
        panels.sort(Comparator.comparingInt(Panel::position).thenComparing(Panel::id));
        return List.copyOf(panels);
    }
}
