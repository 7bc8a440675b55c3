package org.mizan.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each mapped field sits in a file's rows, resolved once from the header (CSV) or the field names
 * (JSON Lines) through the mapping's aliases. Applies missing tokens, value maps and constants on read.
 */
public final class FieldLayout {

    private final Mapping mapping;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> byJsonName = new HashMap<>();
    private final List<Integer> unpivotColumns = new ArrayList<>();
    private final List<String> unpivotKeys = new ArrayList<>();
    private final int width;
    private final boolean missingTokens;

    private FieldLayout(Mapping mapping, int width) {
        this.mapping = mapping;
        this.width = width;
        this.missingTokens = mapping.missing().stream().anyMatch(m -> !m.isEmpty());
    }

    /** Resolves a CSV header on line 1; fails with a message naming the file, the missing fields and what was found. */
    public static FieldLayout ofHeader(Mapping mapping, String[] header, String file) {
        return ofHeader(mapping, header, file, 1);
    }

    /**
     * Resolves a header found on {@code line}. Header names compare normalised ({@link HeaderLocator#normalise}); an
     * alias {@code "#3"} is the third column whatever its header says.
     */
    public static FieldLayout ofHeader(Mapping mapping, String[] header, String file, long line) {
        FieldLayout layout = new FieldLayout(mapping, header.length);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            byName.putIfAbsent(normaliseHeader(header[i]), i);
        }
        mapping.columns().forEach((field, aliases) -> {
            for (String alias : aliases) {
                Integer at = alias.matches("#\\d+")
                        ? Integer.valueOf(Integer.parseInt(alias.substring(1)) - 1)
                        : byName.get(normaliseHeader(alias));
                if (at != null && at < header.length) {
                    layout.index.put(field, at);
                    return;
                }
            }
        });
        if (mapping.unpivot() != null) {
            java.util.Set<Integer> used = new java.util.HashSet<>(layout.index.values());
            for (int i = 0; i < header.length; i++) {
                String h = header[i] == null ? "" : header[i].strip().replaceAll("\\s+", " ");
                if (!used.contains(i) && mapping.unpivot().matches(h)) {
                    layout.unpivotColumns.add(i);
                    layout.unpivotKeys.add(mapping.unpivot().keyOf(h));
                }
            }
        }
        layout.checkRequired(file, line, header.length + " columns: " + String.join(" | ", shown(mapping, header)));
        return layout;
    }

    /**
     * The layout of the records a wide row becomes: this row's cells, then the unpivot key and value, under the
     * mapping's {@code key_field} and {@code value_field}.
     */
    FieldLayout unpivoted() {
        if (unpivoted == null) {
            FieldLayout u = new FieldLayout(mapping, width + 2);
            u.index.putAll(index);
            u.index.put(mapping.unpivot().keyField(), width);
            u.index.put(mapping.unpivot().valueField(), width + 1);
            unpivoted = u;
        }
        return unpivoted;
    }

    private FieldLayout unpivoted;

    /** A row's wide cells that hold a value: (key, value) for each unpivoted column, in header order. */
    List<Map.Entry<String, String>> wide(String[] cells) {
        if (unpivotColumns.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (int k = 0; k < unpivotColumns.size(); k++) {
            int at = unpivotColumns.get(k);
            String v = at < cells.length ? clean(cells[at]) : null;
            if (v != null) {
                out.add(Map.entry(unpivotKeys.get(k), v));
            }
        }
        return out;
    }

    /**
     * The header cells an error message may show. For a mapping that holds personal data, only the cells that are
     * one of its column names: a file without its header would otherwise put a person's row into the message.
     */
    private static List<String> shown(Mapping mapping, String[] header) {
        if (!mapping.holdsPersonalData()) {
            return List.of(header);
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        mapping.columns().values().forEach(aliases -> aliases.forEach(a -> known.add(normaliseHeader(a))));
        List<String> out = new ArrayList<>();
        for (String h : header) {
            out.add(known.contains(normaliseHeader(h)) ? h : RawRecord.MASK);
        }
        return out;
    }

    /** For JSON Lines: field k of the mapping's columns sits at cell k. */
    public static FieldLayout ofFields(Mapping mapping) {
        FieldLayout layout = new FieldLayout(mapping, mapping.columns().size());
        int i = 0;
        for (Map.Entry<String, List<String>> column : mapping.columns().entrySet()) {
            layout.index.put(column.getKey(), i);
            for (String alias : column.getValue()) {
                layout.byJsonName.putIfAbsent(normaliseHeader(alias), i);
            }
            i++;
        }
        return layout;
    }

    /** The cell position of a JSON field name, through the aliases; -1 if the mapping does not use it. */
    public int jsonIndex(String name) {
        // names as sent are looked up first: the case and spacing are nearly always the aliases' own
        Integer at = byJsonName.get(name);
        if (at == null) {
            at = byJsonName.getOrDefault(normaliseHeader(name), -1);
            byJsonName.put(name, at);
        }
        return at;
    }

    private void checkRequired(String file, long line, String found) {
        List<String> missing = new ArrayList<>();
        for (String req : mapping.required()) {
            boolean any = false;
            for (String alt : req.split("\\|")) {
                any |= index.containsKey(alt)
                        || mapping.constants().containsKey(alt)
                        || mapping.derived().containsKey(alt);
            }
            if (!any) {
                missing.add(req.replace("|", " or ") + " " + aliasesOf(req));
            }
        }
        if (mapping.unpivot() != null && unpivotColumns.isEmpty()) {
            missing.add(
                    mapping.unpivot().allOthers()
                            ? "columns to unpivot (any besides the mapped ones)"
                            : "columns matching " + mapping.unpivot().pattern());
        }
        if (!missing.isEmpty()) {
            throw new MappingException(
                    file + ": line " + line + " (header) lacks required column(s) " + String.join(", ", missing)
                            + "; found " + found + ". Check the file's delimiter ('" + printable(mapping.delimiter())
                            + "') and encoding (" + mapping.encoding() + ") in mapping '" + mapping.name()
                            + "', or add the header names as aliases there.");
        }
    }

    private String aliasesOf(String req) {
        List<String> names = new ArrayList<>();
        for (String alt : req.split("\\|")) {
            names.addAll(mapping.columns().getOrDefault(alt, List.of()));
        }
        return names.toString();
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }

    static String normaliseHeader(String h) {
        return HeaderLocator.normalise(h);
    }

    /** Whether column {@code i} may be shown in clear: a mapped field that is not personal data. */
    boolean inClear(int i) {
        if (inClear == null) {
            java.util.Set<Integer> keep = new java.util.HashSet<>();
            index.forEach((field, at) -> {
                if (!mapping.pii().contains(field)) {
                    keep.add(at);
                }
            });
            index.forEach((field, at) -> {
                if (mapping.pii().contains(field)) {
                    keep.remove(at);
                }
            });
            inClear = keep;
        }
        return inClear.contains(i);
    }

    private java.util.Set<Integer> inClear;

    public Mapping mapping() {
        return mapping;
    }

    public int width() {
        return width;
    }

    public List<Integer> unpivotColumns() {
        return unpivotColumns;
    }

    public List<String> unpivotKeys() {
        return unpivotKeys;
    }

    String value(String field, String[] cells) {
        org.mizan.source.derive.Derivation d = mapping.derived().get(field);
        if (d != null) {
            return d.apply(name -> name.equals(field) ? columnValue(field, cells) : value(name, cells));
        }
        return columnValue(field, cells);
    }

    /** The field's own column (or constant), after missing tokens, the value map and the template. */
    private String columnValue(String field, String[] cells) {
        Integer at = index.get(field);
        String v = at == null || at >= cells.length ? null : clean(cells[at]);
        if (v == null) {
            return mapping.constants().get(field);
        }
        Map<String, String> map = mapping.values().get(field);
        if (map != null) {
            String mapped = map.get(v.toLowerCase(Locale.ROOT));
            v = mapped != null ? mapped : v;
        }
        Mapping.Template template = mapping.templates().get(field);
        return template == null ? v : template.apply(v, value(template.byField(), cells));
    }

    /** Trims, and turns the mapping's missing tokens ("", "..", "N/A") into null. */
    public String clean(String cell) {
        if (cell == null) {
            return null;
        }
        String v = cell.strip();
        if (v.isEmpty()) {
            return mapping.missing().contains("") ? null : v;
        }
        return missingTokens && mapping.missing().contains(v) ? null : v;
    }
}
