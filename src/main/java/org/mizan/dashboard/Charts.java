package org.mizan.dashboard;

import java.io.StringWriter;
import java.util.List;
import org.mizan.warehouse.ReadOnlyQuery.Result;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/** ECharts options (JSON) for a result: a category axis from one column and a series per value column. */
final class Charts {

    private static final JsonFactory JSON = new JsonFactory();

    private Charts() {}

    /** The option object for {@code echarts.setOption}, or null for chart type none. */
    static String option(String type, String x, List<String> y, List<String> labels, Result r) {
        if ("none".equals(type) || r.rows().isEmpty()) {
            return null;
        }
        int xi = r.columns().indexOf(x);
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            // drawn at once: a screenshot, a printout or a mailed page shows the final chart, not a bar half-grown
            g.writeBooleanProperty("animation", false);
            g.writeObjectPropertyStart("tooltip");
            g.writeStringProperty("trigger", "pie".equals(type) ? "item" : "axis");
            g.writeEndObject();
            g.writeObjectPropertyStart("legend");
            g.writeEndObject();
            if (!"pie".equals(type)) {
                g.writeObjectPropertyStart("grid");
                g.writeBooleanProperty("containLabel", true);
                g.writeEndObject();
                g.writeObjectPropertyStart("xAxis");
                g.writeStringProperty("type", "category");
                g.writeArrayPropertyStart("data");
                for (List<Object> row : r.rows()) {
                    g.writeString(Csv.text(row.get(xi)));
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectPropertyStart("yAxis");
                g.writeStringProperty("type", "value");
                g.writeEndObject();
            }
            g.writeArrayPropertyStart("series");
            for (int s = 0; s < ("pie".equals(type) ? 1 : y.size()); s++) {
                int yi = r.columns().indexOf(y.get(s));
                g.writeStartObject();
                g.writeStringProperty("name", labels.get(s));
                g.writeStringProperty("type", type);
                g.writeArrayPropertyStart("data");
                for (List<Object> row : r.rows()) {
                    String v = Csv.text(row.get(yi));
                    if ("pie".equals(type)) {
                        g.writeStartObject();
                        g.writeStringProperty("name", Csv.text(row.get(xi)));
                        writeNumber(g, v);
                        g.writeEndObject();
                    } else {
                        writeNumberValue(g, v);
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write the chart options: " + e.getOriginalMessage(), e);
        }
        return w.toString();
    }

    private static void writeNumber(JsonGenerator g, String v) {
        g.writeName("value");
        writeNumberValue(g, v);
    }

    private static void writeNumberValue(JsonGenerator g, String v) {
        if (v.isEmpty()) {
            g.writeNull();
        } else if (v.equals("true") || v.equals("false")) {
            g.writeNumber(v.equals("true") ? 1 : 0);
        } else {
            try {
                g.writeNumber(new java.math.BigDecimal(v));
            } catch (NumberFormatException e) {
                g.writeNull();
            }
        }
    }
}
