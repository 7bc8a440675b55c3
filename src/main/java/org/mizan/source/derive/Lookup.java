package org.mizan.source.derive;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code {lookup: FIELD, table: {label: value, …}}}: a value table (names to codes, local labels to canonical values),
 * case and spacing ignored. A value the table lacks is rejected under {@code rule} naming the value, or kept as it
 * is when {@code keepUnknown}.
 */
record Lookup(String input, Map<String, String> table, boolean keepUnknown, String rule) implements Derivation {

    static String key(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Override
    public String apply(UnaryOperator<String> field) {
        String v = field.apply(input);
        if (v == null) {
            return null;
        }
        String out = table.get(key(v));
        if (out == null && !keepUnknown) {
            throw new ValueRejected(rule, input + " '" + v + "' is not in the mapping's value table");
        }
        return out == null ? v : out;
    }

    @Override
    public List<String> inputs() {
        return List.of(input);
    }
}
