package org.mizan.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mizan.config.ConfigLocation;
import org.mizan.config.MizanHome;
import org.mizan.source.MappingException;

/**
 * Reads and validates the data-quality checks: {@code MIZAN_QUALITY} (a file path) if set, else
 * {@code MIZAN_HOME/quality.yml}, else the checkout's {@code config/quality.yml}. Every mistake names the file,
 * the check and the key (a {@link MappingException}: exit code 2).
 */
public final class QualityChecks {

    public static final String ENV = "MIZAN_QUALITY";

    /** Which measures each dataset has, and whether it is a series (unit × month) or records. */
    static final Map<String, List<String>> SERIES = Map.of(
            "remittance_inflows", List.of("amount_usd", "txn_count"),
            "project_funding_totals", List.of("amount_usd"),
            "service_deliveries", List.of("services"));

    static final Map<String, List<String>> RECORDS = Map.of(
            "project_funding", List.of("amount", "amount_usd"),
            "remittance_transactions", List.of("amount", "amount_usd"));
    static final Map<String, List<String>> RECONCILIATION = Map.of("level_reconciliation", List.of("sum_of_children"));

    private static final Map<String, Set<String>> KEYS = Map.of(
            "modified_zscore", Set.of("across", "threshold", "min_points"),
            "iqr", Set.of("across", "k", "min_points"),
            "negative_amount", Set.of("entry_types"),
            "date_range", Set.of("floor_year"),
            "share_of_total", Set.of("max_share_pct", "of", "min_points", "entry_types"),
            "jump", Set.of("factor"),
            "level_gap", Set.of("tolerance_pct"));
    private static final Set<String> COMMON = Set.of("check", "method", "dataset", "measure");

    private QualityChecks() {}

    public static Path location(MizanHome home) {
        return ConfigLocation.find(home, ENV, "mizan.quality", "quality.yml");
    }

    public static List<QualityCheck> load(MizanHome home) {
        ConfigLocation.Document d;
        try {
            d = ConfigLocation.readYaml(home, ENV, "mizan.quality", "quality.yml", "the quality checks");
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            Path file = location(home);
            String name = file != null ? file.toString() : "config/quality.yml (packaged)";
            throw new MappingException(name + ": not valid YAML ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        return d == null ? List.of() : parse(d.name(), d.yaml());
    }

    @SuppressWarnings("unchecked")
    static List<QualityCheck> parse(String file, Object doc) {
        List<QualityCheck> out = new ArrayList<>();
        if (doc == null) {
            return out;
        }
        if (!(doc instanceof Map<?, ?> top)
                || !top.keySet().equals(Set.of("checks"))
                || !(top.get("checks") instanceof List)) {
            throw new MappingException(file + ": expected only a top-level 'checks:' list (see config/quality.yml)");
        }
        List<Object> entries = (List<Object>) top.get("checks");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = file + ", check " + (i + 1);
            if (!(entries.get(i) instanceof Map<?, ?> raw)) {
                throw new MappingException(where + ": expected check:, method:, dataset:, measure: …");
            }
            Map<String, Object> m = (Map<String, Object>) raw;
            String name = text(m, "check", where);
            if (!name.matches("[A-Za-z0-9_]+")) {
                throw new MappingException(where + ": check '" + name + "' may hold only letters, digits and _");
            }
            where = file + ", check '" + name + "'";
            if (!names.add(name)) {
                throw new MappingException(where + ": the name is used twice; each check needs its own");
            }
            String method = text(m, "method", where);
            Set<String> allowed = KEYS.get(method);
            if (allowed == null) {
                throw new MappingException(where + ": unknown method '" + method + "' (methods: "
                        + String.join(", ", KEYS.keySet().stream().sorted().toList()) + ")");
            }
            for (String k : m.keySet()) {
                if (!COMMON.contains(k) && !allowed.contains(k)) {
                    throw new MappingException(where + ": unknown key '" + k + "' for method " + method
                            + " (keys: check, method, dataset, measure, "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
            String dataset = text(m, "dataset", where);
            Map<String, List<String>> kinds = switch (method) {
                case "modified_zscore", "iqr", "jump" -> SERIES;
                case "level_gap" -> RECONCILIATION;
                default -> RECORDS;
            };
            if (!kinds.containsKey(dataset)) {
                throw new MappingException(where + ": method " + method + " does not apply to dataset '" + dataset
                        + "' (datasets: "
                        + String.join(", ", kinds.keySet().stream().sorted().toList()) + ")");
            }
            String measure = text(m, "measure", where);
            if (!kinds.get(dataset).contains(measure)) {
                throw new MappingException(where + ": dataset " + dataset + " has no measure '" + measure
                        + "' (measures: " + String.join(", ", kinds.get(dataset)) + ")");
            }
            String across = null;
            if (allowed.contains("across")) {
                across = text(m, "across", where);
                if (!Set.of("history", "siblings").contains(across)) {
                    throw new MappingException(where + ": across '" + across + "' must be history or siblings");
                }
            }
            String of = null;
            if (method.equals("share_of_total")) {
                of = text(m, "of", where);
                if (!Set.of("file", "unit").contains(of)) {
                    throw new MappingException(where + ": of '" + of + "' must be file or unit");
                }
            }
            List<String> types = null;
            if (m.containsKey("entry_types")) {
                if (!(m.get("entry_types") instanceof List<?> l) || l.isEmpty()) {
                    throw new MappingException(
                            where + ": entry_types must be a list such as [commitment, expenditure]");
                }
                types = l.stream().map(Object::toString).toList();
            } else if (method.equals("negative_amount")) {
                throw new MappingException(where + ": 'entry_types:' is required (the types that cannot be negative)");
            }
            out.add(new QualityCheck(
                    name,
                    method,
                    dataset,
                    measure,
                    across,
                    number(m, "threshold", where, method.equals("modified_zscore") ? 3.5 : null, false),
                    number(m, "k", where, method.equals("iqr") ? 1.5 : null, false),
                    integer(m, "min_points", where, defaultMinPoints(method), 2),
                    types,
                    integer(m, "floor_year", where, null, 1),
                    number(m, "max_share_pct", where, null, true),
                    of,
                    number(m, "factor", where, null, false),
                    number(m, "tolerance_pct", where, null, false)));
            QualityCheck c = out.get(out.size() - 1);
            requireFor(c.floorYear(), method, "date_range", "floor_year", where);
            requireFor(c.maxSharePct(), method, "share_of_total", "max_share_pct", where);
            requireFor(c.factor(), method, "jump", "factor", where);
            requireFor(c.tolerancePct(), method, "level_gap", "tolerance_pct", where);
            if (c.factor() != null && c.factor() <= 1) {
                throw new MappingException(
                        where + ": factor " + c.factor() + " must be above 1 (e.g. 10: ten times the month before)");
            }
        }
        return out;
    }

    private static Integer defaultMinPoints(String method) {
        return switch (method) {
            case "share_of_total" -> 3;
            case "modified_zscore", "iqr" -> 6;
            default -> null;
        };
    }

    private static void requireFor(Object value, String method, String forMethod, String key, String where) {
        if (value == null && method.equals(forMethod)) {
            throw new MappingException(where + ": '" + key + ":' is required for method " + method);
        }
    }

    private static String text(Map<String, Object> m, String key, String where) {
        Object v = m.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new MappingException(where + ": '" + key + ":' is required");
        }
        return v.toString().strip();
    }

    private static Double number(Map<String, Object> m, String key, String where, Double def, boolean percent) {
        Object v = m.get(key);
        if (v == null) {
            return def;
        }
        double d;
        try {
            d = Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw new MappingException(where + ": " + key + " '" + v + "' is not a number");
        }
        if (!(d > 0) || Double.isInfinite(d) || (percent && d > 100)) {
            throw new MappingException(
                    where + ": " + key + " " + v + " must be above 0" + (percent ? " and at most 100" : ""));
        }
        return d;
    }

    private static Integer integer(Map<String, Object> m, String key, String where, Integer def, int min) {
        Object v = m.get(key);
        if (v == null) {
            return def;
        }
        if (!(v instanceof Integer i) || i < min) {
            throw new MappingException(where + ": " + key + " '" + v + "' must be a whole number of at least " + min);
        }
        return i;
    }
}
