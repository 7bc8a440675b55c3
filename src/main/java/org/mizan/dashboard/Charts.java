package org.mizan.dashboard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.mizan.warehouse.ReadOnlyQuery.Result;

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
            g.writeBooleanField("animation", false);
            g.writeObjectFieldStart("tooltip");
            g.writeStringField("trigger", "pie".equals(type) ? "item" : "axis");
            g.writeEndObject();
            g.writeObjectFieldStart("legend");
            g.writeEndObject();
            if (!"pie".equals(type)) {
                g.writeObjectFieldStart("grid");
                g.writeBooleanField("containLabel", true);
                g.writeEndObject();
                g.writeObjectFieldStart("xAxis");
                g.writeStringField("type", "category");
                g.writeArrayFieldStart("data");
                for (List<Object> row : r.rows()) {
                    g.writeString(Csv.text(row.get(xi)));
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("yAxis");
                g.writeStringField("type", "value");
                g.writeEndObject();
            }
            g.writeArrayFieldStart("series");
            for (int s = 0; s < ("pie".equals(type) ? 1 : y.size()); s++) {
                int yi = r.columns().indexOf(y.get(s));
                g.writeStartObject();
                g.writeStringField("name", labels.get(s));
                g.writeStringField("type", type);
                g.writeArrayFieldStart("data");
                for (List<Object> row : r.rows()) {
                    String v = Csv.text(row.get(yi));
                    if ("pie".equals(type)) {
                        g.writeStartObject();
                        g.writeStringField("name", Csv.text(row.get(xi)));
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void writeNumber(JsonGenerator g, String v) throws IOException {
        g.writeFieldName("value");
        writeNumberValue(g, v);
    }

    private static void writeNumberValue(JsonGenerator g, String v) throws IOException {
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
