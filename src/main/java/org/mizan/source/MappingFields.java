package org.mizan.source;

import static org.mizan.source.YamlNodes.collectScalars;
import static org.mizan.source.YamlNodes.keyOf;
import static org.mizan.source.YamlNodes.value;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.mizan.lake.Dataset;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The fields a mapping may name: its dataset's (the Avro schema's, and those its checks read and do not store), null
 * when the dataset is unknown (then any name passes: the dataset's own error says enough), and the helpers the
 * mapping itself uses to compute others.
 */
record MappingFields(Set<String> dataset, Set<String> helpers) {

    /** Fields the checks read that are not stored (personal data is pseudonymised; a place name resolves to a unit). */
    private static final Map<String, Set<String>> INPUT_ONLY = Map.of(
            "registry_people", Set.of("full_name", "first_name", "last_name", "phone", "national_id", "household_id"),
            "service_deliveries", Set.of("beneficiary_id", "beneficiary_record", "beneficiary_name", "phone"),
            "remittance_transactions", Set.of("receiving_locality"),
            "corridor_costs", Set.of("quarter"),
            "fx_rates", Set.of("source_id"),
            "funding_entries", Set.of("title", "entry_date", "sector_code", "initiative_level"),
            "plan_allocations", Set.of("fiscal_year"));

    /** Whether the mapping may name {@code field}. */
    boolean accepts(String field) {
        return dataset == null || dataset.contains(field) || helpers.contains(field);
    }

    /** The same helpers, with the dataset's fields unchecked (a wide row read whole). */
    MappingFields unchecked() {
        return new MappingFields(null, helpers);
    }

    /** The dataset's fields: its Avro schema's and those its checks read without storing them. */
    static Set<String> of(Schema schema, String dataset) {
        Set<String> out = new LinkedHashSet<>();
        schema.getFields().forEach(f -> out.add(f.name()));
        out.addAll(INPUT_ONLY.getOrDefault(dataset, Set.of()));
        return out;
    }

    /** The lake's datasets by folder name: what {@code dataset:} may say. */
    static List<String> datasets() {
        return Arrays.stream(Dataset.values()).map(Dataset::folder).toList();
    }

    /** Fields a mapping may read only to compute others: a template's {@code by}, an exclusion's fields, derive inputs, source_field. */
    static Set<String> helpers(MappingNode m) {
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
                    Matcher mm = Pattern.compile("\\{([a-z0-9_]+)}").matcher(c.getValue());
                    while (mm.find()) {
                        out.add(mm.group(1));
                    }
                }
            }
        }
        return out;
    }
}
