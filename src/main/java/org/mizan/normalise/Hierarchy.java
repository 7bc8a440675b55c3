package org.mizan.normalise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A gazetteer file's hierarchy, checked as a whole before any unit is accepted: each unit's parent (the nearest
 * existing candidate when the mapping derives parents from code prefixes) must exist in the file or already be
 * loaded, valid on the unit's first day; the unit's level must be below its parent's; following parents must not
 * come back to the unit. A file in which nearly every unit hangs directly off the country while its levels or codes
 * imply a deeper hierarchy is refused whole ({@link FlatHierarchy}).
 */
public final class Hierarchy {

    /** One row of the file as the check needs it. */
    public record Row(long line, String code, int level, List<String> parents, LocalDate from, LocalDate to) {}

    /** A unit already in the lake. */
    public record Known(String code, int level, LocalDate from, LocalDate to) {}

    /** The file's parents are flat although its units are not: the whole load is refused with this message. */
    public static final class FlatHierarchy extends RuntimeException {
        public FlatHierarchy(String message) {
            super(message);
        }
    }

    private final Map<Long, RowRejected> rejects = new HashMap<>();
    private final Set<String> roots = new HashSet<>();
    private LocalDate earliest;
    private final Map<Long, String> parents = new HashMap<>();

    /** Checks {@code rows} against themselves and the {@code known} units; throws {@link FlatHierarchy} for a flat file. */
    public static Hierarchy check(List<Row> rows, List<Known> known, String file) {
        Hierarchy h = new Hierarchy();
        Map<String, List<Known>> units = new HashMap<>();
        for (Known k : known) {
            units.computeIfAbsent(k.code(), c -> new ArrayList<>()).add(k);
        }
        for (Row r : rows) {
            units.computeIfAbsent(r.code(), c -> new ArrayList<>())
                    .add(new Known(r.code(), r.level(), r.from(), r.to()));
        }
        for (Row r : rows) {
            if (r.level() == 0) {
                h.roots.add(r.code());
            }
            h.earliest = h.earliest == null || r.from().isBefore(h.earliest) ? r.from() : h.earliest;
        }
        Map<String, String> parentOf = new HashMap<>();
        for (Row r : rows) {
            if (r.level() == 0 || r.parents().isEmpty()) {
                continue;
            }
            Known parent = null;
            for (String candidate : r.parents()) {
                parent = validOn(units.get(candidate), r.from());
                if (parent != null) {
                    break;
                }
            }
            String named = r.parents().get(0);
            if (parent == null) {
                h.rejects.put(
                        r.line(),
                        new RowRejected(
                                Rule.UNKNOWN_PARENT,
                                "unit " + r.code() + ": its parent " + named
                                        + (r.parents().size() > 1
                                                ? " (nor any of "
                                                        + r.parents()
                                                                .subList(
                                                                        1,
                                                                        r.parents()
                                                                                .size()) + ")"
                                                : "")
                                        + " is neither in the file nor already loaded, valid on " + r.from()));
                continue;
            }
            if (r.level() <= parent.level()) {
                h.rejects.put(
                        r.line(),
                        new RowRejected(
                                Rule.LEVEL_NOT_BELOW_PARENT,
                                "unit " + r.code() + " of level " + r.level() + " is not below its parent "
                                        + parent.code() + " of level " + parent.level()));
                continue;
            }
            h.parents.put(r.line(), parent.code());
            parentOf.put(r.code(), parent.code());
        }
        for (Row r : rows) {
            if (h.rejects.containsKey(r.line()) || !parentOf.containsKey(r.code())) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            String c = r.code();
            while (c != null && seen.add(c)) {
                c = parentOf.get(c);
            }
            if (r.code().equals(c)) {
                h.rejects.put(
                        r.line(),
                        new RowRejected(
                                Rule.PARENT_CYCLE,
                                "unit " + r.code() + " and its parent " + parentOf.get(r.code())
                                        + " are in a cycle: following the parents from " + r.code()
                                        + " comes back to it"));
            }
        }
        h.refuseFlat(rows, units, file);
        return h;
    }

    private void refuseFlat(List<Row> rows, Map<String, List<Known>> units, String file) {
        int below = 0;
        int offRoot = 0;
        int deepLevel = 0;
        int nested = 0;
        String root = null;
        Set<String> codes = new HashSet<>();
        for (Row r : rows) {
            if (r.level() > 0) {
                codes.add(stem(r.code()));
            }
        }
        String example = null;
        for (Row r : rows) {
            String parent = parents.get(r.line());
            if (r.level() == 0 || parent == null) {
                continue;
            }
            below++;
            Known p = validOn(units.get(parent), r.from());
            if (p != null && p.level() == 0) {
                offRoot++;
                root = parent;
                deepLevel += r.level() > 1 ? 1 : 0;
                String s = stem(r.code());
                for (int k = s.length() - 1; k > 0; k--) {
                    if (codes.contains(s.substring(0, k))) {
                        nested++;
                        example = example == null ? r.code() : example;
                        break;
                    }
                }
            }
        }
        if (below >= 10 && offRoot >= 0.9 * below && (deepLevel >= 0.1 * below || nested >= 0.1 * below)) {
            throw new FlatHierarchy(
                    file + ": " + offRoot + " of " + below + " units hang directly off the country (" + root
                            + ") although "
                            + (deepLevel >= 0.1 * below ? deepLevel + " of them have levels 2 and below" : "")
                            + (deepLevel >= 0.1 * below && nested >= 0.1 * below ? " and " : "")
                            + (nested >= 0.1 * below
                                    ? nested + " have codes that extend another unit's code (e.g. " + example + ")"
                                    : "")
                            + ": the parents are wrong, and nothing was loaded. Map the real parent column, or derive parents from"
                            + " the codes (derive: parent_code: {prefix: unit_code, …}, docs/formats.md), and load the file again.");
        }
    }

    /** A code without its padding zeros at the end: 0102800000 becomes 01028. */
    private static String stem(String code) {
        String s = code.replaceAll("0+$", "");
        return s.isEmpty() ? code : s;
    }

    private static Known validOn(List<Known> versions, LocalDate day) {
        if (versions == null) {
            return null;
        }
        for (Known k : versions) {
            if ((k.from() == null || !day.isBefore(k.from())) && (k.to() == null || !day.isAfter(k.to()))) {
                return k;
            }
        }
        return null;
    }

    /** Whether the file has a level-0 row for {@code code}. */
    public boolean hasRoot(String code) {
        return roots.contains(code);
    }

    /** The earliest first day of the file's units (a root the mapping adds is valid from it). */
    public LocalDate earliest() {
        return earliest == null ? LocalDate.of(1900, 1, 1) : earliest;
    }

    /** The rule a row breaks, or null. */
    public RowRejected reject(long line) {
        return rejects.get(line);
    }

    /** The row's resolved parent (the nearest existing candidate), or null. */
    public String parent(long line) {
        return parents.get(line);
    }
}
