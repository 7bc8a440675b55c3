package org.mizan.source;

import static org.mizan.source.DidYouMean.didYouMean;
import static org.mizan.source.YamlNodes.keyOf;
import static org.mizan.source.YamlNodes.shape;
import static org.mizan.source.YamlNodes.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The checks of a mapping's sections that name fields or hold keys of their own: a field under {@code columns:},
 * {@code constants:} and the like, {@code unpivot:}, each {@code derive:} expression, {@code local_level:}.
 */
final class MappingSections {

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
    private static final Set<String> ROUNDING_RULES =
            Set.of("half_up", "half_even", "down", "up", "half_down", "floor", "ceiling");

    private final MappingProblems problems;

    MappingSections(MappingProblems problems) {
        this.problems = problems;
    }

    /** A field named under {@code section}: one of the dataset's fields, or a helper the mapping itself uses. */
    void field(NodeTuple e, MappingFields fields, String section) {
        String f = keyOf(e);
        if (!fields.accepts(f)) {
            problems.error(
                    e.getKeyNode(),
                    section + ": '" + f + "' is not a field of the dataset's Avro schema"
                            + didYouMean(f, fields.dataset())
                            + " (a helper column must be used by templates:, exclude:, derive: or source_field:)");
        }
    }

    void unpivot(Node v, MappingFields fields) {
        List<NodeTuple> entries = problems.map(v, "unpivot");
        boolean any = false;
        for (NodeTuple e : entries) {
            String k = keyOf(e);
            if (!UNPIVOT_KEYS.contains(k)) {
                problems.error(e.getKeyNode(), "unknown key 'unpivot." + k + "'" + didYouMean(k, UNPIVOT_KEYS));
            } else if ("headers".equals(k)) {
                problems.scalar(e.getValueNode(), "unpivot.headers")
                        .ifPresent(s -> problems.regex(e.getValueNode(), "unpivot.headers", s));
                any = true;
            } else if ("columns".equals(k)) {
                problems.oneOf(e.getValueNode(), "unpivot.columns", Set.of("all_others"));
                any = true;
            } else if (k.endsWith("_field")) {
                problems.scalar(e.getValueNode(), "unpivot." + k).ifPresent(s -> {
                    if (!fields.accepts(s)) {
                        problems.error(
                                e.getValueNode(),
                                "unpivot." + k + " '" + s + "' is not a field of the dataset"
                                        + didYouMean(s, fields.dataset()));
                    }
                });
            }
        }
        if (v instanceof MappingNode && !any) {
            problems.error(
                    v, "unpivot needs 'headers:' (a pattern of the wide columns' headers) or 'columns: all_others'");
        }
    }

    void derive(NodeTuple e, MappingFields fields) {
        field(e, fields, "derive");
        if (!(e.getValueNode() instanceof MappingNode expr)) {
            problems.error(
                    e.getValueNode(),
                    "derive: '" + keyOf(e) + "' must be an expression map such as {prefix: unit_code, lengths: [5, 2]},"
                            + " not a " + shape(e.getValueNode()));
            return;
        }
        int ops = 0;
        for (NodeTuple t : expr.getValue()) {
            String k = keyOf(t);
            if (!DERIVE_KEYS.contains(k)) {
                problems.error(
                        t.getKeyNode(), "unknown key 'derive." + keyOf(e) + "." + k + "'" + didYouMean(k, DERIVE_KEYS));
            }
            ops += DERIVE_OPS.contains(k) ? 1 : 0;
        }
        if (ops != 1) {
            problems.error(expr, "derive: '" + keyOf(e) + "' needs exactly one of " + DERIVE_OPS);
        }
        Node rule = value(expr, "rule");
        if (rule != null) {
            problems.oneOf(rule, "derive." + keyOf(e) + ".rule", ROUNDING_RULES);
        }
    }

    /** {@code local_level:} a level number from 0 to 12, or one of the mapping's {@code levels} names. */
    void localLevel(Node v, String s, Node levels) {
        if (s.strip().matches("\\d{1,2}") && Integer.parseInt(s.strip()) <= 12) {
            return;
        }
        List<String> names = new ArrayList<>();
        if (levels instanceof SequenceNode seq) {
            seq.getValue().forEach(n -> names.add(n instanceof ScalarNode sn ? sn.getValue() : ""));
        }
        if (names.stream().noneMatch(n -> n.strip().equalsIgnoreCase(s.strip()))) {
            problems.error(
                    v,
                    "local_level '" + s + "' is neither a level number (0 to 12) nor one of levels " + names
                            + " (docs/formats.md, \"Level names and the local level\")");
        }
    }
}
