package org.mizan.dashboard;

/** Builds one HTML page: the frame (title, stylesheet, ECharts, navigation) around a body, with text escaped. */
final class Html {

    private final StringBuilder body = new StringBuilder();
    private int charts;

    static String esc(Object value) {
        String s = value == null ? "" : Csv.text(value);
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    Html raw(String html) {
        body.append(html);
        return this;
    }

    Html text(Object value) {
        body.append(esc(value));
        return this;
    }

    /** A number as the page reads it ({@link Numbers}), its full value in the tooltip; other values as text. */
    Html number(String column, Object value) {
        String shown = Numbers.format(column, value);
        if (shown == null) {
            return text(value);
        }
        body.append("<span class=\"n\" title=\"")
                .append(esc(value))
                .append("\">")
                .append(esc(shown))
                .append("</span>");
        return this;
    }

    Html link(String href, Object text) {
        body.append("<a href=\"")
                .append(esc(href))
                .append("\">")
                .append(esc(text))
                .append("</a>");
        return this;
    }

    /**
     * A chart container and its option as data, a {@code <script type="application/json">} that no browser executes
     * (the Content-Security-Policy allows no inline script): mizan-page.js draws it. Every {@code <} of the JSON is
     * written as its escape, so that no text in the data can end the element. Nothing when there is no option.
     */
    Html chart(String option) {
        if (option != null) {
            String id = "chart-" + (++charts);
            body.append("<div class=\"chart\" id=\"")
                    .append(id)
                    .append("\" data-option=\"")
                    .append(id)
                    .append("-option\"></div>\n")
                    .append("<script type=\"application/json\" id=\"")
                    .append(id)
                    .append("-option\">")
                    .append(option.replace("<", "\\u003c"))
                    .append("</script>\n");
        }
        return this;
    }

    /** What was built so far, without the page's frame (for a fragment such as the navigation). */
    String bodyText() {
        return body.toString();
    }

    String page(String title, String nav, Links links) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + " — Mizan</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + esc(links.asset("mizan.css")) + "\">\n"
                + "<script src=\"" + esc(links.asset("echarts.min.js")) + "\"></script>\n"
                + "<script src=\"" + esc(links.asset("mizan-page.js")) + "\" defer></script></head>\n<body>\n"
                + "<header>" + nav + "</header>\n<main>\n<h1>" + esc(title) + "</h1>\n" + body
                + "</main>\n</body></html>\n";
    }
}
