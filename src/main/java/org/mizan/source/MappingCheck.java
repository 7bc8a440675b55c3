package org.mizan.source;

import static org.mizan.source.DidYouMean.didYouMean;
import static org.mizan.source.YamlNodes.keyOf;
import static org.mizan.source.YamlNodes.shape;
import static org.mizan.source.YamlNodes.value;

import java.nio.charset.Charset;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.mizan.lake.Dataset;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

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
    /** Datasets whose checks read a wide row whole rather than one record per wide cell. */
    static final Set<String> WIDE_ROW_DATASETS = Set.of("fx_rates", "corridor_costs");

    private final MappingProblems problems;
    private final MappingSections sections;

    private MappingCheck(String where) {
        this.problems = new MappingProblems(where);
        this.sections = new MappingSections(problems);
    }

    /** Throws a {@link MappingException} listing every error of the mapping's YAML tree. */
    static void check(Node root, String where) {
        MappingCheck c = new MappingCheck(where);
        c.checkRoot(root);
        c.problems.throwIfAny();
    }

    private void checkRoot(Node root) {
        if (!(root instanceof MappingNode m)) {
            problems.error(
                    root,
                    "a mapping file is a YAML map of keys (dataset:, format:, columns:, …), not a " + shape(root));
            return;
        }
        Node datasetNode = value(m, "dataset");
        String dataset = datasetNode instanceof ScalarNode s ? s.getValue() : null;
        Set<String> known = null;
        if (datasetNode == null) {
            problems.error(
                    root,
                    "'dataset:' is missing: name the dataset this file loads (one of " + MappingFields.datasets()
                            + ")");
        } else if (dataset == null) {
            problems.error(datasetNode, "'dataset' must be one name, not a " + shape(datasetNode));
        } else {
            try {
                known = MappingFields.of(Dataset.of(dataset).schema(), dataset);
            } catch (RuntimeException e) {
                problems.error(
                        datasetNode,
                        "dataset '" + dataset + "' is not one Mizan loads: choose one of " + MappingFields.datasets()
                                + didYouMean(dataset, MappingFields.datasets()));
            }
        }
        MappingFields fields = new MappingFields(known, MappingFields.helpers(m));
        for (NodeTuple t : m.getValue()) {
            String key = keyOf(t);
            Node v = t.getValueNode();
            if (!KEYS.contains(key)) {
                problems.error(t.getKeyNode(), "unknown key '" + key + "'" + didYouMean(key, KEYS));
                continue;
            }
            switch (key) {
                case "format" -> problems.oneOf(v, key, FORMATS);
                case "country_codes" -> problems.oneOf(v, key, COUNTRY_CODES);
                case "encoding" ->
                    problems.scalar(v, key).ifPresent(s -> {
                        if (!Charset.isSupported(s)) {
                            problems.error(
                                    v,
                                    "encoding '" + s
                                            + "' is not a charset Java knows (e.g. UTF-8, windows-1251, ISO-8859-1)");
                        }
                    });
                case "time_zone" ->
                    problems.scalar(v, key).ifPresent(s -> {
                        try {
                            ZoneId.of(s);
                        } catch (RuntimeException e) {
                            problems.error(
                                    v, "time_zone '" + s + "' is not a time zone (e.g. Asia/Dushanbe, UTC, +05:00)");
                        }
                    });
                case "timestamp_pattern", "date_pattern" ->
                    problems.scalar(v, key).ifPresent(s -> {
                        try {
                            DateTimeFormatter.ofPattern(s);
                        } catch (IllegalArgumentException e) {
                            problems.error(v, key + " '" + s + "' is not a java.time pattern (" + e.getMessage() + ")");
                        }
                    });
                case "stop_at_blank_row" -> problems.oneOf(v, key, Set.of("true", "false"));
                case "delimiter",
                        "quote",
                        "decimal_separator",
                        "thousands_separator",
                        "source_id",
                        "source_field",
                        "base_currency",
                        "sheet",
                        "dataset" -> problems.scalar(v, key);
                case "local_level" ->
                    problems.scalar(v, key).ifPresent(s -> sections.localLevel(v, s, value(m, "levels")));
                case "header_row", "header_rows" ->
                    problems.scalar(v, key).ifPresent(s -> {
                        if (!s.matches("\\d+") || ("header_rows".equals(key) && Integer.parseInt(s) < 1)) {
                            problems.error(v, "'" + key + "' must be a row number from 1 (got '" + s + "')");
                        }
                    });
                case "footer" -> problems.scalar(v, key).ifPresent(s -> problems.regex(v, key, s));
                case "missing", "pii", "required", "levels" -> problems.list(v, key);
                case "constants" -> problems.map(v, key).forEach(e -> sections.field(e, fields, "constants"));
                case "columns" ->
                    problems.map(v, key).forEach(e -> {
                        sections.field(e, fields, "columns");
                        Node aliases = e.getValueNode();
                        if (aliases instanceof MappingNode) {
                            problems.error(
                                    aliases,
                                    "columns: '" + keyOf(e)
                                            + "' takes header names (a name or a list of names), not a map");
                        }
                    });
                case "values", "templates" ->
                    problems.map(v, key).forEach(e -> {
                        sections.field(e, fields, key);
                        if (!(e.getValueNode() instanceof MappingNode)) {
                            problems.error(
                                    e.getValueNode(),
                                    key + ": '" + keyOf(e) + "' must be a map (source value: canonical value), not a "
                                            + shape(e.getValueNode()));
                        }
                    });
                case "locality" ->
                    problems.map(v, key).forEach(e -> {
                        if (!"country".equals(keyOf(e))) {
                            problems.error(
                                    e.getKeyNode(),
                                    "unknown key 'locality." + keyOf(e) + "'"
                                            + didYouMean(keyOf(e), List.of("country")));
                        }
                    });
                case "root" ->
                    problems.map(v, key).forEach(e -> {
                        if (!List.of("code", "name").contains(keyOf(e))) {
                            problems.error(
                                    e.getKeyNode(),
                                    "unknown key 'root." + keyOf(e) + "'"
                                            + didYouMean(keyOf(e), List.of("code", "name")));
                        }
                    });
                // fx_rates and corridor_costs read a wide row whole (a rate crossed through the row's USD column)
                case "unpivot" ->
                    sections.unpivot(v, WIDE_ROW_DATASETS.contains(dataset) ? fields.unchecked() : fields);
                case "derive" -> problems.map(v, key).forEach(e -> sections.derive(e, fields));
                case "exclude" -> problems.list(v, key);
                default -> {}
            }
        }
    }
}
