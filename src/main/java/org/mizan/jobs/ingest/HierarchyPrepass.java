package org.mizan.jobs.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.mizan.lake.Dataset;
import org.mizan.lake.LakeReader;
import org.mizan.normalise.Fields;
import org.mizan.normalise.Hierarchy;
import org.mizan.normalise.RowRejected;
import org.mizan.schema.AdminUnit;
import org.mizan.source.Mapping;
import org.mizan.source.RawRecord;
import org.mizan.source.RecordSource;
import org.mizan.source.SourceFiles;
import org.mizan.source.derive.CodePrefix;
import org.mizan.source.derive.ValueRejected;

/**
 * Reads a gazetteer file once before its rows are checked, for the checks that need the whole file: each unit's
 * code, level, parent candidates and validity, with the units already in the lake ({@link Hierarchy}).
 */
public final class HierarchyPrepass {

    private HierarchyPrepass() {}

    public static Hierarchy check(IngestContext ctx) {
        Mapping m = ctx.mapping();
        Fields f = new Fields(m);
        CodePrefix prefix = m.derived().get("parent_code") instanceof CodePrefix p && p.nearestExisting() ? p : null;
        List<Hierarchy.Row> rows = new ArrayList<>();
        try (RecordSource source = SourceFiles.open(ctx.file(), m)) {
            RawRecord r;
            while ((r = source.next()) != null) {
                if (r.malformed() != null || excluded(r)) {
                    continue;
                }
                try {
                    String code = r.get("unit_code");
                    String level = r.get("level");
                    String from = r.get("valid_from");
                    if (code == null || level == null || from == null) {
                        continue;
                    }
                    String to = r.get("valid_to");
                    List<String> parents = prefix != null
                            ? prefix.candidates(code)
                            : r.get("parent_code") == null ? List.of() : List.of(r.get("parent_code"));
                    rows.add(new Hierarchy.Row(
                            r.line(),
                            code,
                            (int) f.integer("level", level),
                            parents,
                            f.date("valid_from", from),
                            to == null ? null : f.date("valid_to", to)));
                } catch (RowRejected | ValueRejected e) {
                    // the row's own check rejects it with its rule
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ctx.file(), e);
        }
        List<Hierarchy.Known> known = new ArrayList<>();
        if (m.root() != null) {
            known.add(new Hierarchy.Known(m.root().code(), 0, null, null));
        }
        try {
            // units this file loaded before are replaced by this load: the file alone decides them
            for (java.nio.file.Path other : ctx.lake().filesOfOtherUnits(Dataset.ADMIN_UNITS, ctx.unit())) {
                LakeReader.read(Dataset.ADMIN_UNITS, other, a -> {
                    AdminUnit u = (AdminUnit) a;
                    known.add(new Hierarchy.Known(u.getUnitCode(), u.getLevel(), u.getValidFrom(), u.getValidTo()));
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer from the lake", e);
        }
        return Hierarchy.check(rows, known, ctx.file().toString());
    }

    private static boolean excluded(RawRecord r) {
        try {
            for (Mapping.Exclusion x : r.mapping().exclusions()) {
                if (x.when().entrySet().stream()
                        .allMatch(w -> r.get(w.getKey()) != null
                                && w.getValue().matcher(r.get(w.getKey())).matches())) {
                    return true;
                }
            }
            return false;
        } catch (ValueRejected e) {
            return false;
        }
    }
}
