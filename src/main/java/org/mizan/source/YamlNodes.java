package org.mizan.source;

import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** What the mapping checks read of a SnakeYAML node tree: a map's value by key, a key's text, a node's shape. */
final class YamlNodes {

    private YamlNodes() {}

    /** The value of {@code key} when {@code map} is a map that has it; else null. */
    static Node value(Node map, String key) {
        if (map instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (key.equals(keyOf(t))) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    static String keyOf(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
    }

    /** "list", "map" or "single value", for an error that says what was written instead. */
    static String shape(Node n) {
        return n instanceof SequenceNode ? "list" : n instanceof MappingNode ? "map" : "single value";
    }

    /** Adds the node's text when it is a single value. */
    static void collectScalars(Node n, Set<String> out) {
        if (n instanceof ScalarNode s) {
            out.add(s.getValue());
        }
    }
}
