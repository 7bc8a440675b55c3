package org.mizan.source;

import static org.mizan.source.DidYouMean.didYouMean;
import static org.mizan.source.YamlNodes.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The errors found in one mapping file, each naming the file, the line and the key; and the checks of a value's
 * shape (one value, a list, a map, one of a set, a regular expression) that add them.
 */
final class MappingProblems {

    private final String where;
    private final List<String> errors = new ArrayList<>();

    MappingProblems(String where) {
        this.where = where;
    }

    void error(Node at, String message) {
        errors.add("mapping " + where + ", line " + (at.getStartMark().getLine() + 1) + ": " + message);
    }

    /** A {@link MappingException} listing every error found, if any. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new MappingException(String.join("\n", errors));
        }
    }

    Optional<String> scalar(Node v, String key) {
        if (v instanceof ScalarNode s) {
            return Optional.of(s.getValue());
        }
        error(v, "'" + key + "' takes one value, not a " + shape(v));
        return Optional.empty();
    }

    void oneOf(Node v, String key, Set<String> allowed) {
        scalar(v, key).ifPresent(s -> {
            if (!allowed.contains(s)) {
                error(v, key + " '" + s + "' is not one of " + new TreeSet<>(allowed) + didYouMean(s, allowed));
            }
        });
    }

    void regex(Node v, String key, String s) {
        try {
            Pattern.compile(s);
        } catch (PatternSyntaxException e) {
            error(v, key + " '" + s + "' is not a valid regular expression (" + e.getDescription() + ")");
        }
    }

    void list(Node v, String key) {
        if (!(v instanceof SequenceNode)) {
            error(v, "'" + key + "' takes a list ([a, b]), not a " + shape(v));
        }
    }

    List<NodeTuple> map(Node v, String key) {
        if (v instanceof MappingNode m) {
            return m.getValue();
        }
        error(v, "'" + key + "' takes a map (name: value, one per line), not a " + shape(v));
        return List.of();
    }
}
