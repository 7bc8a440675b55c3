package org.mizan.normalise;

import java.time.LocalDate;
import java.util.List;
import org.mizan.schema.AdminUnit;
import org.mizan.source.Mapping;
import org.mizan.source.RawRecord;

/**
 * Checks a gazetteer row (format 1): a level from 0 (as deep as the country goes), a parent below level 0, ISO
 * country, ordered validity dates; and, with the whole file's {@link Hierarchy}, a parent that exists, a level below
 * the parent's and no cycle. Counts the accepted units per level for the run summary.
 */
public final class AdminUnitNormaliser extends Normaliser {

    private final Fields f;
    private final java.util.function.Supplier<Hierarchy> hierarchySupplier;
    private Hierarchy hierarchy;
    private boolean rootAdded;
    private final java.util.TreeMap<Integer, Long> perLevel = new java.util.TreeMap<>();

    public AdminUnitNormaliser(Fields f) {
        this(f, null);
    }

    /** @param hierarchy the whole file's hierarchy check, run when the first row is checked */
    public AdminUnitNormaliser(Fields f, java.util.function.Supplier<Hierarchy> hierarchy) {
        this.f = f;
        this.hierarchySupplier = hierarchy;
    }

    /** Accepted units per level, {@code "0=1,1=17,…"}, for the run summary. */
    public String unitsPerLevel() {
        StringBuilder out = new StringBuilder();
        perLevel.forEach((level, n) ->
                out.append(out.isEmpty() ? "" : ",").append(level).append('=').append(n));
        return out.toString();
    }

    /** Restores the counts of a run cut short, from {@link #unitsPerLevel()}. */
    public void unitsPerLevel(String saved) {
        perLevel.clear();
        if (saved != null && !saved.isBlank()) {
            for (String part : saved.split(",")) {
                String[] kv = part.split("=");
                perLevel.put(Integer.parseInt(kv[0]), Long.parseLong(kv[1]));
            }
        }
        rootAdded = !perLevel.isEmpty();
    }

    /**
     * {@code CODE[:share];CODE[:share]} (also separated by {@code |} or {@code ,}): the units that took over a
     * merged or split unit, each with the share of the old unit it took (1 when omitted; shares above 0, at most
     * 1, together at most 1). Only a unit with a {@code valid_to} has successors. Returned in the canonical form.
     */
    static String successors(String text, LocalDate validTo) {
        if (text == null) {
            return null;
        }
        if (validTo == null) {
            throw new RowRejected(
                    Rule.BAD_VALUE,
                    "successors '" + text + "' given for a unit without valid_to: a unit is"
                            + " merged or split on the day after its valid_to");
        }
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        List<String> out = new java.util.ArrayList<>();
        for (String part : text.split("[;|,]")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            String code = (colon < 0 ? p : p.substring(0, colon)).strip();
            java.math.BigDecimal share;
            try {
                share = colon < 0
                        ? java.math.BigDecimal.ONE
                        : new java.math.BigDecimal(p.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw new RowRejected(
                        Rule.BAD_VALUE, "successors '" + text + "': the share of " + code + " is not a number");
            }
            if (code.isEmpty() || share.signum() <= 0 || share.compareTo(java.math.BigDecimal.ONE) > 0) {
                throw new RowRejected(
                        Rule.BAD_VALUE,
                        "successors '" + text + "': each needs a code and a share above 0 and at most 1");
            }
            total = total.add(share);
            out.add(code + ":" + share.stripTrailingZeros().toPlainString());
        }
        if (total.compareTo(new java.math.BigDecimal("1.0001")) > 0) {
            throw new RowRejected(
                    Rule.BAD_VALUE,
                    "successors '" + text + "': the shares add up to " + total.toPlainString() + ", above 1");
        }
        return out.isEmpty() ? null : String.join(";", out);
    }

    @Override
    protected List<AdminUnit> records(RawRecord r) {
        requireAll(f, r, "unit_code", "name", "level", "country", "valid_from");
        long level = f.integer("level", r.get("level"));
        if (level < 0 || level > MAX_LEVEL) {
            throw new RowRejected(
                    Rule.BAD_VALUE, "level " + level + " is not a level from 0 (the country) down to " + MAX_LEVEL);
        }
        String parent = r.get("parent_code");
        if (level > 0 && parent == null) {
            throw new RowRejected(Rule.REQUIRED, "parent_code is empty for a unit of level " + level);
        }
        if (hierarchySupplier != null) {
            if (hierarchy == null) {
                hierarchy = hierarchySupplier.get();
            }
            RowRejected broken = hierarchy.reject(r.line());
            if (broken != null) {
                throw broken;
            }
            parent = hierarchy.parent(r.line()) != null ? hierarchy.parent(r.line()) : parent;
        }
        String country = IsoCodes.country("country", r.get("country"));
        LocalDate from = f.date("valid_from", r.get("valid_from"));
        String toText = r.get("valid_to");
        LocalDate to = toText == null ? null : f.date("valid_to", toText);
        if (to != null && to.isBefore(from)) {
            throw new RowRejected(Rule.BAD_DATE, "valid_to " + to + " is before valid_from " + from);
        }
        String successors = successors(r.get("successors"), to);
        String aliases = r.get("aliases");
        List<String> names = r.mapping().levelNames();
        Integer localLevel = r.mapping().localLevel();
        perLevel.merge((int) level, 1L, Long::sum);
        List<AdminUnit> out = new java.util.ArrayList<>(2);
        Mapping.Root root = r.mapping().root();
        if (root != null && !rootAdded && (hierarchy == null || !hierarchy.hasRoot(root.code()))) {
            // the mapping names the country the file's top units hang from: it is loaded with them
            rootAdded = true;
            perLevel.merge(0, 1L, Long::sum);
            out.add(AdminUnit.newBuilder()
                    .setUnitCode(root.code())
                    .setName(root.name())
                    .setLevel(0)
                    .setParentCode(null)
                    .setCountry(IsoCodes.country("root.code", root.code()))
                    .setLevelName(levelName(null, names, 0))
                    .setLocalLevel(localLevel)
                    .setValidFrom(hierarchy == null ? from : hierarchy.earliest())
                    .setValidTo(null)
                    .setPeriod("all")
                    .setSourceId(sourceId(r, "country"))
                    .setSourceFile(r.file())
                    .setSourceLine(0L)
                    .build());
        }
        out.add(AdminUnit.newBuilder()
                .setAliases(aliases == null ? null : String.join("|", Gazetteer.aliases(aliases)))
                .setSuccessors(successors)
                .setLevelName(levelName(r.get("level_name"), names, (int) level))
                .setLocalLevel(localLevel)
                .setUnitCode(r.get("unit_code"))
                .setName(r.get("name"))
                .setLevel((int) level)
                .setParentCode(level == 0 ? null : parent)
                .setCountry(country)
                .setValidFrom(from)
                .setValidTo(to)
                .setPeriod("all")
                .setSourceId(sourceId(r, "country"))
                .setSourceFile(r.file())
                .setSourceLine(r.line())
                .build());
        return out;
    }

    /** The level's name: the file's own (a {@code level_name} column), else the mapping's {@code levels:}, else null (the default). */
    static String levelName(String own, List<String> names, int level) {
        if (own != null && !own.isBlank()) {
            return own.strip();
        }
        return level < names.size() && !names.get(level).isBlank()
                ? names.get(level).strip()
                : null;
    }

    /** Deeper than any country's hierarchy; a level beyond it is a data error, not a country. */
    static final int MAX_LEVEL = 12;
}
