package org.mizan.source.derive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The expressions a mapping's {@code derive:} section may use, one factory each. */
public final class Expressions {

    private Expressions() {}

    public static Derivation constant(String value) {
        return new Constant(value);
    }

    public static Derivation prefix(
            String input, List<Integer> lengths, char pad, int width, boolean nearestExisting, String root) {
        return new CodePrefix(input, lengths, pad, width, nearestExisting, root);
    }

    public static Derivation concat(String template) {
        return new Concat(template);
    }

    public static Derivation lookup(String input, Map<String, String> table, boolean keepUnknown) {
        Map<String, String> keyed = new LinkedHashMap<>();
        table.forEach((k, v) -> keyed.put(Lookup.key(k), v));
        return new Lookup(input, keyed, keepUnknown, "bad_value");
    }

    public static Derivation countryName(String input) {
        return new CountryName(input);
    }

    public static Derivation scale(String input, BigDecimal by) {
        return new Scale(input, by);
    }

    public static Derivation round(String input, int places, RoundingMode rule) {
        return new Round(input, places, rule);
    }
}
