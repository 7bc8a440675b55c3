package org.mizan.source;

import java.io.IOException;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/** JSON Lines: one flat object per line, its field names resolved through the mapping's aliases. */
final class JsonLinesSource extends LineSource {

    private static final JsonFactory JSON = new JsonFactory();

    private final FieldLayout layout;

    JsonLinesSource(String file, String path, LineReader reader, Mapping mapping) {
        super(file, path, reader, mapping);
        this.layout = FieldLayout.ofFields(mapping);
    }

    @Override
    public RawRecord next() throws IOException {
        String text;
        while ((text = readLine()) != null) {
            if (text.isBlank()) {
                skipped++;
                continue;
            }
            String nul = nulByte();
            if (nul != null) {
                return malformed(text.replace('\0', '\u2400'), nul);
            }
            String[] cells = new String[layout.width()];
            boolean[] given = new boolean[cells.length];
            try (JsonParser p = JSON.createParser(text)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return malformed(text, "is not a JSON object");
                }
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                    int at = layout.jsonIndex(p.currentName());
                    JsonToken v = p.nextToken();
                    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                        if (at >= 0) {
                            return malformed(text, "field '" + p.currentName() + "' is not a single value");
                        }
                        p.skipChildren();
                    } else if (at >= 0) {
                        if (given[at]) {
                            // the same field twice (or two of its aliases): which value would be meant?
                            return malformed(
                                    text, "gives field '" + p.currentName() + "' (or another name of it) twice");
                        }
                        given[at] = true;
                        cells[at] = v == JsonToken.VALUE_NULL ? null : p.getText();
                    }
                }
                if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                    return malformed(text, "has text after the JSON object");
                }
            } catch (JacksonException e) {
                return malformed(text, "is not valid JSON (" + e.getOriginalMessage() + ")");
            }
            return new RawRecord(file, line, text, cells, layout, List.of(), null);
        }
        return null;
    }

    private RawRecord malformed(String raw, String why) {
        return new RawRecord(file, line, raw, new String[0], layout, List.of(), why);
    }
}
