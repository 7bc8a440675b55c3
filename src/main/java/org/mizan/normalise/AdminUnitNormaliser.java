package org.mizan.normalise;

import java.time.LocalDate;
import java.util.List;

import org.mizan.schema.AdminUnit;
import org.mizan.source.RawRecord;

/** Checks a gazetteer row (format 1): level 0-4, a parent below level 0, ISO country, ordered validity dates. */
public final class AdminUnitNormaliser extends Normaliser {

    private final Fields f;

    public AdminUnitNormaliser(Fields f) {
        this.f = f;
    }

    @Override
    protected List<AdminUnit> records(RawRecord r) {
        requireAll(f, r, "unit_code", "name", "level", "country", "valid_from");
        long level = f.integer("level", r.get("level"));
        if (level < 0 || level > 4) {
            throw new RowRejected(Rule.BAD_VALUE, "level " + level + " is not 0 (country) to 4 (ward)");
        }
        String parent = r.get("parent_code");
        if (level > 0 && parent == null) {
            throw new RowRejected(Rule.REQUIRED, "parent_code is empty for a unit of level " + level);
        }
        String country = IsoCodes.country("country", r.get("country"));
        LocalDate from = f.date("valid_from", r.get("valid_from"));
        String toText = r.get("valid_to");
        LocalDate to = toText == null ? null : f.date("valid_to", toText);
        if (to != null && to.isBefore(from)) {
            throw new RowRejected(Rule.BAD_DATE, "valid_to " + to + " is before valid_from " + from);
        }
        return List.of(AdminUnit.newBuilder()
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
    }
}
