package org.mizan.normalise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The admin units known to the lake, for checking a fact's unit on its date and resolving place names. */
public final class Gazetteer {

    /** One unit's validity: {@code validTo} is the last valid day, inclusive, or null when current. */
    public record Unit(
            String code, String name, String country, LocalDate validFrom, LocalDate validTo, List<String> aliases) {

        public Unit(String code, String name, String country, LocalDate validFrom, LocalDate validTo) {
            this(code, name, country, validFrom, validTo, List.of());
        }

        boolean validOn(LocalDate d) {
            return !d.isBefore(validFrom) && (validTo == null || !d.isAfter(validTo));
        }
    }

    private final Map<String, List<Unit>> byCode = new HashMap<>();
    private final Map<String, List<Unit>> byName = new HashMap<>();

    public void add(Unit unit) {
        byCode.computeIfAbsent(unit.code(), k -> new ArrayList<>(1)).add(unit);
        byName.computeIfAbsent(nameKey(unit.country(), unit.name()), k -> new ArrayList<>(1))
                .add(unit);
        byName.computeIfAbsent(nameKey(ANY_COUNTRY, unit.name()), k -> new ArrayList<>(1))
                .add(unit);
        for (String alias : unit.aliases()) {
            // a place name in a local script ("Телави", "თელავი") resolves like the gazetteer's own name
            byName.computeIfAbsent(nameKey(unit.country(), alias), k -> new ArrayList<>(1))
                    .add(unit);
            byName.computeIfAbsent(nameKey(ANY_COUNTRY, alias), k -> new ArrayList<>(1))
                    .add(unit);
        }
    }

    private static final String ANY_COUNTRY = "*";

    /** Whether any validity of the code is known. */
    public boolean has(String code) {
        return byCode.containsKey(code);
    }

    public boolean isEmpty() {
        return byCode.isEmpty();
    }

    public int size() {
        return byCode.size();
    }

    /** The unit code if the unit exists on that date; otherwise the row is rejected as unknown_unit. */
    public String check(String field, String code, LocalDate on) {
        List<Unit> units = byCode.get(code);
        if (units == null) {
            throw new RowRejected(
                    Rule.UNKNOWN_UNIT,
                    field + " '" + code + "' is not in the gazetteer"
                            + (isEmpty() ? " (no gazetteer is loaded: run load-gazetteer first)" : ""));
        }
        for (Unit u : units) {
            if (u.validOn(on)) {
                return code;
            }
        }
        Unit u = units.get(0);
        throw new RowRejected(
                Rule.UNKNOWN_UNIT,
                field + " '" + code + "' was not valid on " + on + " (valid " + u.validFrom() + " to "
                        + (u.validTo() == null ? "now" : u.validTo()) + ")");
    }

    /**
     * The one unit of {@code country} (any country when null) valid on that date whose name matches, ignoring
     * case and spacing.
     */
    public String resolve(String country, String locality, LocalDate on) {
        List<Unit> named = byName.getOrDefault(nameKey(country == null ? ANY_COUNTRY : country, locality), List.of());
        List<String> hits = named.stream()
                .filter(u -> u.validOn(on))
                .map(Unit::code)
                .distinct()
                .toList();
        if (hits.isEmpty()) {
            throw new RowRejected(
                    Rule.UNRESOLVED_LOCALITY,
                    "receiving_locality '" + locality + "' matches no unit" + (country == null ? "" : " of " + country)
                            + " valid on " + on + ": add it to the gazetteer or correct the name");
        }
        if (hits.size() > 1) {
            throw new RowRejected(
                    Rule.AMBIGUOUS_LOCALITY,
                    "receiving_locality '" + locality + "' matches " + hits.size() + " units ("
                            + String.join(", ", hits) + "): the provider must send the unit code");
        }
        return hits.get(0);
    }

    /** The aliases of a gazetteer cell: separated by {@code |} or {@code ;}, trimmed, empty ones dropped. */
    public static List<String> aliases(String text) {
        if (text == null) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[|;]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String nameKey(String country, String name) {
        return country + "|" + name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
