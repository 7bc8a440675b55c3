package org.mizan.source;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mizan.source.derive.Derivation;
import org.mizan.source.derive.Expressions;

/** The {@code derive:} section of a mapping, read into expressions (checked for shape by {@link MappingCheck} first). */
final class Derivations {

    private Derivations() {}

    @SuppressWarnings("unchecked")
    static Map<String, Derivation> of(Map<String, Object> section) {
        Map<String, Derivation> out = new LinkedHashMap<>();
        section.forEach((field, spec) -> out.put(field, one(field, (Map<String, Object>) spec)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Derivation one(String field, Map<String, Object> e) {
        if (e.containsKey("constant")) {
            return Expressions.constant(String.valueOf(e.get("constant")));
        }
        if (e.containsKey("prefix")) {
            List<Integer> lengths = e.get("lengths") instanceof List<?> l
                    ? l.stream().map(x -> Integer.parseInt(String.valueOf(x))).toList()
                    : List.of(Integer.parseInt(String.valueOf(e.getOrDefault("length", "0"))));
            String pad = String.valueOf(e.getOrDefault("pad", "0"));
            return Expressions.prefix(
                    String.valueOf(e.get("prefix")),
                    lengths,
                    pad.isEmpty() ? '0' : pad.charAt(0),
                    Integer.parseInt(String.valueOf(e.getOrDefault("width", "0"))),
                    Boolean.parseBoolean(String.valueOf(e.getOrDefault("nearest_existing", "false"))),
                    e.get("root") == null ? null : String.valueOf(e.get("root")));
        }
        if (e.containsKey("concat")) {
            return Expressions.concat(String.valueOf(e.get("concat")));
        }
        if (e.containsKey("lookup")) {
            Map<String, String> table = new LinkedHashMap<>();
            if (e.get("table") instanceof Map<?, ?> t) {
                t.forEach((k, v) -> table.put(String.valueOf(k), String.valueOf(v)));
            }
            return Expressions.lookup(
                    String.valueOf(e.get("lookup")),
                    table,
                    Boolean.parseBoolean(String.valueOf(e.getOrDefault("keep_unknown", "false"))));
        }
        if (e.containsKey("country_name")) {
            return Expressions.countryName(String.valueOf(e.get("country_name")));
        }
        if (e.containsKey("scale")) {
            return Expressions.scale(String.valueOf(e.get("scale")), new BigDecimal(String.valueOf(e.get("by"))));
        }
        if (e.containsKey("round")) {
            return Expressions.round(
                    String.valueOf(e.get("round")),
                    Integer.parseInt(String.valueOf(e.getOrDefault("places", "0"))),
                    RoundingMode.valueOf(
                            String.valueOf(e.getOrDefault("rule", "half_even")).toUpperCase(Locale.ROOT)));
        }
        throw new MappingException("derive: '" + field + "' has no expression");
    }
}
