package org.mizan.source;

import java.nio.charset.Charset;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.avro.Schema;
import org.mizan.lake.Dataset;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks a mapping file before it is used, as {@code config/schedules.yml} is checked: unknown keys (with a "did you
 * mean"), values outside their allowed set, columns mapped to fields the dataset's Avro schema lacks, and wrong
 * shapes (a list where a map belongs). Every error names the file, the line and the key.
 */
final class MappingCheck {

    static final Set<String> FORMATS = Set.of("csv", "jsonl", "xlsx", "iati_xml", "iati_codelist", "pg_copy");
    static final Set<String> COUNTRY_CODES = Set.of("alpha2", "alpha3");
    static final List<String> KEYS = List.of(
            "dataset",
            "format",
            "encoding",
            "delimiter",
            "quote",
            "decimal_separator",
            "thousands_separator",
            "timestamp_pattern",
            "time_zone",
            "date_pattern",
            "missing",
            "source_id",
            "source_field",
            "constants",
            "columns",
            "values",
            "locality",
            "pii",
            "required",
            "country_codes",
            "stop_at_blank_row",
            "unpivot",
            "base_currency",
            "templates",
            "exclude",
            "sheet",
            "header_row",
            "header_rows",
            "footer",
            "derive",
            "levels",
            "local_level",
            "root");
    static final List<String> UNPIVOT_KEYS = List.of("headers", "columns", "key", "key_field", "value_field");
    static final List<String> DERIVE_OPS =
            List.of("constant", "prefix", "concat", "lookup", "country_name", "scale", "round");
    static final List<String> DERIVE_KEYS = List.of(
            "constant",
            "prefix",
            "concat",
            "lookup",
            "country_name",
            "scale",
            "round",
            "lengths",
            "length",
            "pad",
            "width",
            "nearest_existing",
            "root",
            "table",
            "keep_unknown",
            "by",
            "places",
            "rule");

    /** Fields the checks read that are not stored (personal data is pseudonymised; a place name resolves to a unit). */
    private static final Map<String, Set<String>> INPUT_ONLY = Map.of(
            "registry_people", Set.of("full_name", "first_name", "last_name", "phone", "national_id", "household_id"),
            "service_deliveries", Set.of("beneficiary_id", "beneficiary_record", "beneficiary_name", "phone"),
            "remittance_transactions", Set.of("receiving_locality"),
            "corridor_costs", Set.of("quarter"),
            "fx_rates", Set.of("source_id"),
            "funding_entries", Set.of("title", "entry_date", "sector_code", "initiative_level"),
            "plan_allocations", Set.of("fiscal_year"));

    /** Datasets whose checks read a wide row whole rather than one record per wide cell. */
    static final Set<String> WIDE_ROW_DATASETS = Set.of("fx_rates", "corridor_costs");

    private final String where;
    private final List<String> errors = new ArrayList<>();

    private MappingCheck(String where) {
        this.where = where;
    }

    /** Throws a {@link MappingException} listing every error of the mapping's YAML tree. */
    static void check(Node root, String where) {
        MappingCheck c = new MappingCheck(where);
        c.checkRoot(root);
        if (!c.errors.isEmpty()) {
            throw new MappingException(String.join("\n", c.errors));
        }
    }

    private void error(Node at, String message) {
        errors.add("mapping " + where + ", line " + (at.getStartMark().getLine() + 1) + ": " + message);
    }

    private void checkRoot(Node root) {
        if (!(root instanceof MappingNode m)) {
            error(root, "a mapping file is a YAML map of keys (dataset:, format:, columns:, …), not a " + shape(root));
            return;
        }
        Node datasetNode = value(m, "dataset");
        String dataset = datasetNode instanceof ScalarNode s ? s.getValue() : null;
        Set<String> known = null;
        if (datasetNode == null) {
            error(root, "'dataset:' is missing: name the dataset this file loads (one of " + datasets() + ")");
        } else if (dataset == null) {
            error(datasetNode, "'dataset' must be one name, not a " + shape(datasetNode));
        } else {
            try {
                known = fields(Dataset.of(dataset).schema(), dataset);
            } catch (RuntimeException e) {
                error(
                        datasetNode,
                        "dataset '" + dataset + "' is not one Mizan loads: choose one of " + datasets()
                                + didYouMean(dataset, datasets()));
            }
        }
        Set<String> fields = known;
        Set<String> helpers = helperFields(m);
        for (NodeTuple t : m.getValue()) {
            String key = keyOf(t);
            Node v = t.getValueNode();
            if (!KEYS.contains(key)) {
                error(t.getKeyNode(), "unknown key '" + key + "'" + didYouMean(key, KEYS));
                continue;
            }
            switch (key) {
                case "format" -> oneOf(v, key, FORMATS);
                case "country_codes" -> oneOf(v, key, COUNTRY_CODES);
                case "encoding" ->
                    scalar(v, key).ifPresent(s -> {
                        if (!Charset.isSupported(s)) {
                            error(
                                    v,
                                    "encoding '" + s
                                            + "' is not a charset Java knows (e.g. UTF-8, windows-1251, ISO-8859-1)");
                        }
                    });
                case "time_zone" ->
                    scalar(v, key).ifPresent(s -> {
                        try {
                            ZoneId.of(s);
                        } catch (RuntimeException e) {
                            error(v, "time_zone '" + s + "' is not a time zone (e.g. Asia/Dushanbe, UTC, +05:00)");
                        }
                    });
                case "timestamp_pattern", "date_pattern" ->
                    scalar(v, key).ifPresent(s -> {
                        try {
                            DateTimeFormatter.ofPattern(s);
                        } catch (IllegalArgumentException e) {
                            error(v, key + " '" + s + "' is not a java.time pattern (" + e.getMessage() + ")");
                        }
                    });
                case "stop_at_blank_row" -> oneOf(v, key, Set.of("true", "false"));
                case "delimiter",
                        "quote",
                        "decimal_separator",
                        "thousands_separator",
                        "source_id",
                        "source_field",
                        "base_currency",
                        "sheet",
                        "dataset" -> scalar(v, key);
                case "local_level" -> scalar(v, key).ifPresent(s -> localLevel(v, s, value(m, "levels")));
                case "header_row", "header_rows" ->
                    scalar(v, key).ifPresent(s -> {
                        if (!s.matches("\\d+") || ("header_rows".equals(key) && Integer.parseInt(s) < 1)) {
                            error(v, "'" + key + "' must be a row number from 1 (got '" + s + "')");
                        }
                    });
                case "footer" -> scalar(v, key).ifPresent(s -> regex(v, key, s));
                case "missing", "pii", "required", "levels" -> list(v, key);
                case "constants" -> map(v, key).forEach(e -> field(e, fields, helpers, "constants"));
                case "columns" ->
                    map(v, key).forEach(e -> {
                        field(e, fields, helpers, "columns");
                        Node aliases = e.getValueNode();
                        if (aliases instanceof MappingNode) {
                            error(
                                    aliases,
                                    "columns: '" + keyOf(e)
                                            + "' takes header names (a name or a list of names), not a map");
                        }
                    });
                case "values", "templates" ->
                    map(v, key).forEach(e -> {
                        field(e, fields, helpers, key);
                        if (!(e.getValueNode() instanceof MappingNode)) {
                            error(
                                    e.getValueNode(),
                                    key + ": '" + keyOf(e) + "' must be a map (source value: canonical value), not a "
                                            + shape(e.getValueNode()));
                        }
                    });
                case "locality" ->
                    map(v, key).forEach(e -> {
                        if (!"country".equals(keyOf(e))) {
                            error(
                                    e.getKeyNode(),
                                    "unknown key 'locality." + keyOf(e) + "'"
                                            + didYouMean(keyOf(e), List.of("country")));
                        }
                    });
                case "root" ->
                    map(v, key).forEach(e -> {
                        if (!List.of("code", "name").contains(keyOf(e))) {
                            error(
                                    e.getKeyNode(),
                                    "unknown key 'root." + keyOf(e) + "'"
                                            + didYouMean(keyOf(e), List.of("code", "name")));
                        }
                    });
                // fx_rates and corridor_costs read a wide row whole (a rate crossed through the row's USD column)
                case "unpivot" -> unpivot(v, WIDE_ROW_DATASETS.contains(dataset) ? null : fields, helpers);
                case "derive" -> map(v, key).forEach(e -> derive(e, fields, helpers));
                case "exclude" -> list(v, key);
                default -> {}
            }
        }
    }

    private void unpivot(Node v, Set<String> fields, Set<String> helpers) {
        List<NodeTuple> entries = map(v, "unpivot");
        boolean any = false;
        for (NodeTuple e : entries) {
            String k = keyOf(e);
            if (!UNPIVOT_KEYS.contains(k)) {
                error(e.getKeyNode(), "unknown key 'unpivot." + k + "'" + didYouMean(k, UNPIVOT_KEYS));
            } else if ("headers".equals(k)) {
                scalar(e.getValueNode(), "unpivot.headers")
                        .ifPresent(s -> regex(e.getValueNode(), "unpivot.headers", s));
                any = true;
            } else if ("columns".equals(k)) {
                oneOf(e.getValueNode(), "unpivot.columns", Set.of("all_others"));
                any = true;
            } else if (k.endsWith("_field")) {
                scalar(e.getValueNode(), "unpivot." + k).ifPresent(s -> {
                    if (fields != null && !fields.contains(s) && !helpers.contains(s)) {
                        error(
                                e.getValueNode(),
                                "unpivot." + k + " '" + s + "' is not a field of the dataset" + didYouMean(s, fields));
                    }
                });
            }
        }
        if (v instanceof MappingNode && !any) {
            error(v, "unpivot needs 'headers:' (a pattern of the wide columns' headers) or 'columns: all_others'");
        }
    }

    private void derive(NodeTuple e, Set<String> fields, Set<String> helpers) {
        field(e, fields, helpers, "derive");
        if (!(e.getValueNode() instanceof MappingNode expr)) {
            error(
                    e.getValueNode(),
                    "derive: '" + keyOf(e) + "' must be an expression map such as {prefix: unit_code, lengths: [5, 2]},"
                            + " not a " + shape(e.getValueNode()));
            return;
        }
        int ops = 0;
        for (NodeTuple t : expr.getValue()) {
            String k = keyOf(t);
            if (!DERIVE_KEYS.contains(k)) {
                error(t.getKeyNode(), "unknown key 'derive." + keyOf(e) + "." + k + "'" + didYouMean(k, DERIVE_KEYS));
            }
            ops += DERIVE_OPS.contains(k) ? 1 : 0;
        }
        if (ops != 1) {
            error(expr, "derive: '" + keyOf(e) + "' needs exactly one of " + DERIVE_OPS);
        }
        Node rule = value(expr, "rule");
        if (rule != null) {
            oneOf(
                    rule,
                    "derive." + keyOf(e) + ".rule",
                    Set.of("half_up", "half_even", "down", "up", "half_down", "floor", "ceiling"));
        }
    }

    /** A field named under {@code section}: one of the dataset's fields, or a helper the mapping itself uses. */
    private void field(NodeTuple e, Set<String> fields, Set<String> helpers, String section) {
        String f = keyOf(e);
        if (fields != null && !fields.contains(f) && !helpers.contains(f)) {
            error(
                    e.getKeyNode(),
                    section + ": '" + f + "' is not a field of the dataset's Avro schema" + didYouMean(f, fields)
                            + " (a helper column must be used by templates:, exclude:, derive: or source_field:)");
        }
    }

    /** Fields a mapping may read only to compute others: a template's {@code by}, an exclusion's fields, derive inputs, source_field. */
    private static Set<String> helperFields(MappingNode m) {
        Set<String> out = new LinkedHashSet<>();
        collectScalars(value(m, "source_field"), out);
        if (value(m, "pii") instanceof SequenceNode pii) {
            pii.getValue().forEach(p -> collectScalars(p, out));
        }
        Node templates = value(m, "templates");
        if (templates instanceof MappingNode t) {
            t.getValue().forEach(e -> collectScalars(value(e.getValueNode(), "by"), out));
        }
        Node exclude = value(m, "exclude");
        if (exclude instanceof SequenceNode s) {
            for (Node x : s.getValue()) {
                if (value(x, "when") instanceof MappingNode when) {
                    when.getValue().forEach(w -> out.add(keyOf(w)));
                }
            }
        }
        Node derive = value(m, "derive");
        if (derive instanceof MappingNode d) {
            for (NodeTuple e : d.getValue()) {
                for (String op : List.of("prefix", "lookup", "country_name", "scale", "round")) {
                    collectScalars(value(e.getValueNode(), op), out);
                }
                if (value(e.getValueNode(), "concat") instanceof ScalarNode c) {
                    java.util.regex.Matcher mm =
                            Pattern.compile("\\{([a-z0-9_]+)}").matcher(c.getValue());
                    while (mm.find()) {
                        out.add(mm.group(1));
                    }
                }
            }
        }
        return out;
    }

    private static void collectScalars(Node n, Set<String> out) {
        if (n instanceof ScalarNode s) {
            out.add(s.getValue());
        }
    }

    private static Set<String> fields(Schema schema, String dataset) {
        Set<String> out = new LinkedHashSet<>();
        schema.getFields().forEach(f -> out.add(f.name()));
        out.addAll(INPUT_ONLY.getOrDefault(dataset, Set.of()));
        return out;
    }

    private static List<String> datasets() {
        return java.util.Arrays.stream(Dataset.values()).map(Dataset::folder).toList();
    }

    private void oneOf(Node v, String key, Set<String> allowed) {
        scalar(v, key).ifPresent(s -> {
            if (!allowed.contains(s)) {
                error(
                        v,
                        key + " '" + s + "' is not one of " + new java.util.TreeSet<>(allowed)
                                + didYouMean(s, allowed));
            }
        });
    }

    private void regex(Node v, String key, String s) {
        try {
            Pattern.compile(s);
        } catch (PatternSyntaxException e) {
            error(v, key + " '" + s + "' is not a valid regular expression (" + e.getDescription() + ")");
        }
    }

    private java.util.Optional<String> scalar(Node v, String key) {
        if (v instanceof ScalarNode s) {
            return java.util.Optional.of(s.getValue());
        }
        error(v, "'" + key + "' takes one value, not a " + shape(v));
        return java.util.Optional.empty();
    }

    /** {@code local_level:} a level number from 0 to 12, or one of the mapping's {@code levels} names. */
    private void localLevel(Node v, String s, Node levels) {
        if (s.strip().matches("\\d{1,2}") && Integer.parseInt(s.strip()) <= 12) {
            return;
        }
        List<String> names = new ArrayList<>();
        if (levels instanceof SequenceNode seq) {
            seq.getValue().forEach(n -> names.add(n instanceof ScalarNode sn ? sn.getValue() : ""));
        }
        if (names.stream().noneMatch(n -> n.strip().equalsIgnoreCase(s.strip()))) {
            error(
                    v,
                    "local_level '" + s + "' is neither a level number (0 to 12) nor one of levels " + names
                            + " (docs/formats.md, \"Level names and the local level\")");
        }
    }

    private void list(Node v, String key) {
        if (!(v instanceof SequenceNode)) {
            error(v, "'" + key + "' takes a list ([a, b]), not a " + shape(v));
        }
    }

    private List<NodeTuple> map(Node v, String key) {
        if (v instanceof MappingNode m) {
            return m.getValue();
        }
        error(v, "'" + key + "' takes a map (name: value, one per line), not a " + shape(v));
        return List.of();
    }

    private static Node value(Node map, String key) {
        if (map instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (key.equals(keyOf(t))) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    private static String keyOf(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
    }

    private static String shape(Node n) {
        return n instanceof SequenceNode ? "list" : n instanceof MappingNode ? "map" : "single value";
    }

    /** {@code (did you mean 'delimiter'?)} when a known word is within two edits (or a third of the word). */
    static String didYouMean(String word, java.util.Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, word.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
