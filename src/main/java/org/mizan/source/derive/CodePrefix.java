package org.mizan.source.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code {prefix: unit_code, lengths: [7, 5, 2], pad: "0", width: 10, nearest_existing: true, root: PH}}: a parent
 * code from a unit code, its first k characters padded to the code's width. The candidates are tried longest first,
 * skipping those equal to the code itself; the value is the first one, and with {@code nearest_existing} the load
 * takes the nearest candidate that exists in the file or the gazetteer. A code none of whose candidates differs
 * from it (a region's own code) gets {@code root}.
 */
public record CodePrefix(String input, List<Integer> lengths, char pad, int width, boolean nearestExisting, String root)
        implements Derivation {

    @Override
    public String apply(UnaryOperator<String> field) {
        String code = field.apply(input);
        if (code == null) {
            return null;
        }
        List<String> c = candidates(code);
        return c.isEmpty() ? null : c.get(0);
    }

    /** The possible parents of {@code code}, nearest first, then the root when there is one. */
    public List<String> candidates(String code) {
        List<String> out = new ArrayList<>();
        String c = code.strip();
        int w = width > 0 ? width : c.length();
        for (int k : lengths) {
            if (k >= c.length()) {
                continue;
            }
            StringBuilder p = new StringBuilder(c.substring(0, k));
            while (p.length() < w) {
                p.append(pad);
            }
            String parent = p.toString();
            if (!parent.equals(c) && !out.contains(parent)) {
                out.add(parent);
            }
        }
        if (root != null) {
            out.add(root);
        }
        return out;
    }

    @Override
    public List<String> inputs() {
        return List.of(input);
    }
}
