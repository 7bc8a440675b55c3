package org.mizan.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files every page loads: ECharts from its WebJar (no CDN: pages work offline), the stylesheet, and the pages'
 * own script (mizan-page.js: draws the charts, submits the period selector; no page holds an inline script).
 */
public final class Assets {

    public static final java.util.List<String> NAMES =
            java.util.List.of("echarts.min.js", "mizan.css", "mizan-page.js");

    private Assets() {}

    /** The asset's bytes, or null when there is no asset of that name. */
    public static byte[] bytes(String name) {
        String pattern = switch (name) {
            case "echarts.min.js" -> "classpath*:META-INF/resources/webjars/echarts/*/dist/echarts.min.js";
            case "mizan.css" -> "classpath*:dashboard/mizan.css";
            case "mizan-page.js" -> "classpath*:dashboard/mizan-page.js";
            default -> null;
        };
        if (pattern == null) {
            return null;
        }
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
            if (found.length == 0) {
                throw new IllegalStateException(
                        "asset " + name + " is not on the class path (" + pattern + "): rebuild the jar");
            }
            try (InputStream in = found[0].getInputStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the asset " + name, e);
        }
    }

    public static String contentType(String name) {
        return name.endsWith(".js") ? "text/javascript" : "text/css";
    }
}
