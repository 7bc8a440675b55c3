package org.mizan.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a page's links point: the live server's URLs, or the files of a static folder (relative, one folder). */
public interface Links {

    String overview(String period);

    String unit(String code, String period);

    String panel(String id, String unit, String period);

    String csv(String id, String unit, String period);

    String asset(String name);

    /** True for the live server: it has a period selector and a sign-out link. */
    boolean live();

    /** The live server's links, from the site's root. */
    Links LIVE = new Links() {
        @Override
        public String overview(String period) {
            return "/" + query("period", period, null, null);
        }

        @Override
        public String unit(String code, String period) {
            return "/unit/" + enc(code) + query("period", period, null, null);
        }

        @Override
        public String panel(String id, String unit, String period) {
            return "/panel/" + enc(id) + query("unit", unit, "period", period);
        }

        @Override
        public String csv(String id, String unit, String period) {
            return "/panel/" + enc(id) + ".csv" + query("unit", unit, "period", period);
        }

        @Override
        public String asset(String name) {
            return "/assets/" + name;
        }

        @Override
        public boolean live() {
            return true;
        }
    };

    /** A static folder's links: every page a file beside the others, whatever the period it was written for. */
    Links STATIC = new Links() {
        @Override
        public String overview(String period) {
            return "index.html";
        }

        @Override
        public String unit(String code, String period) {
            return "unit-" + file(code) + ".html";
        }

        @Override
        public String panel(String id, String unit, String period) {
            return "panel-" + file(id) + ".html";
        }

        @Override
        public String csv(String id, String unit, String period) {
            return "panel-" + file(id) + ".csv";
        }

        @Override
        public String asset(String name) {
            return name;
        }

        @Override
        public boolean live() {
            return false;
        }
    };

    /** A code as a file name: anything but letters, digits, '-', '_' and '.' becomes '_'. */
    static String file(String code) {
        return code.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String query(String k1, String v1, String k2, String v2) {
        StringBuilder q = new StringBuilder();
        if (v1 != null && !v1.isBlank()) {
            q.append('?').append(k1).append('=').append(enc(v1));
        }
        if (v2 != null && !v2.isBlank()) {
            q.append(q.length() == 0 ? '?' : '&').append(k2).append('=').append(enc(v2));
        }
        return q.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
