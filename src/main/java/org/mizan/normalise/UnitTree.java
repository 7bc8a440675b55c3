package org.mizan.normalise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The gazetteer's hierarchy (each unit's current parent), for placing a fact that names several units at their lowest common one. */
public final class UnitTree {

    private final Map<String, String> parents = new HashMap<>();

    /** Adds a unit; a later validity row of the same code replaces an earlier one's parent. */
    public void add(String code, String parent) {
        parents.put(code, parent);
    }

    public boolean contains(String code) {
        return parents.containsKey(code);
    }

    /** The unit and its ancestors, the unit first. */
    List<String> lineage(String code) {
        List<String> out = new ArrayList<>();
        String c = code;
        while (c != null && out.size() < 64 && !out.contains(c)) {
            out.add(c);
            c = parents.get(c);
        }
        return out;
    }

    /** The lowest unit that is each code or an ancestor of it; null when a code is unknown or they share none. */
    public String lowestCommon(List<String> codes) {
        if (codes.isEmpty()) {
            return null;
        }
        for (String c : codes) {
            if (!contains(c)) {
                return null;
            }
        }
        for (String candidate : lineage(codes.get(0))) {
            boolean common = true;
            for (String other : codes) {
                if (!lineage(other).contains(candidate)) {
                    common = false;
                    break;
                }
            }
            if (common) {
                return candidate;
            }
        }
        return null;
    }
}
