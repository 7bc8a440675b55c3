package org.mizan.normalise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.mizan.schema.ProjectPlace;
import org.mizan.schema.ProjectSector;
import org.mizan.source.iati.IatiActivity;

/**
 * An IATI activity's sectors and places, each with its share of the project in percent: as given when it is a
 * percentage from 0 to 100, else an equal share of 100.
 */
final class IatiShares {

    static final BigDecimal HUNDRED = new BigDecimal("100.0000");

    private final String file;
    private final UnitTree units;

    /**
     * @param file  the delivered file's name, for the records
     * @param units the gazetteer's hierarchy, which {@code location/administrative} codes are looked up in
     */
    IatiShares(String file, UnitTree units) {
        this.file = file;
        this.units = units;
    }

    /** Sectors as given; in each vocabulary, a lone sector without a percentage has 100, several share equally. */
    void sectors(IatiActivity a, String id, String source, List<SpecificRecord> out) {
        Map<String, List<IatiActivity.Sector>> byVocabulary = new LinkedHashMap<>();
        for (IatiActivity.Sector s : a.sectors()) {
            if (s.code() != null && !s.code().isBlank()) {
                byVocabulary
                        .computeIfAbsent(s.vocabulary(), k -> new ArrayList<>())
                        .add(s);
            }
        }
        byVocabulary.forEach((vocabulary, list) -> {
            BigDecimal equal = equalShare(list.size());
            for (IatiActivity.Sector s : list) {
                out.add(ProjectSector.newBuilder()
                        .setProjectId(id)
                        .setVocabulary(vocabulary)
                        .setSectorCode(s.code().strip())
                        .setSectorName(s.name())
                        .setPercentage(percentage(s.percentage(), equal))
                        .setPeriod("all")
                        .setSourceId(source)
                        .setSourceFile(file)
                        .setSourceLine(a.line())
                        .build());
            }
        });
    }

    /**
     * Where the money goes: when every {@code location/administrative} code is a unit of the gazetteer, their lowest
     * common unit; otherwise the recipient countries (as level-0 units) and recipient regions, by their percentages.
     */
    void places(IatiActivity a, String id, String source, List<SpecificRecord> out) {
        List<String> codes = new ArrayList<>(new LinkedHashSet<>(a.administrativeCodes()));
        String unit = units.lowestCommon(codes);
        if (unit != null) {
            out.add(place(id, source, a.line(), "unit", unit, null, null, HUNDRED));
            return;
        }
        int n = a.countries().size() + a.regions().size();
        if (n == 0) {
            return;
        }
        BigDecimal equal = equalShare(n);
        for (IatiActivity.Recipient c : a.countries()) {
            if (c.code() != null) {
                String country = c.code().strip().toUpperCase(Locale.ROOT);
                out.add(place(id, source, a.line(), "country", country, null, null, percentage(c.percentage(), equal)));
            }
        }
        for (IatiActivity.Recipient r : a.regions()) {
            if (r.code() != null) {
                String vocabulary = r.vocabulary() == null ? "1" : r.vocabulary();
                BigDecimal share = percentage(r.percentage(), equal);
                out.add(place(id, source, a.line(), "region", null, r.code().strip(), vocabulary, share));
            }
        }
    }

    private ProjectPlace place(
            String id,
            String source,
            long line,
            String kind,
            String unit,
            String region,
            String vocabulary,
            BigDecimal share) {
        return ProjectPlace.newBuilder()
                .setProjectId(id)
                .setPlaceKind(kind)
                .setUnitCode(unit)
                .setRegionCode(region)
                .setRegionVocabulary(vocabulary)
                .setSharePct(share)
                .setPeriod("all")
                .setSourceId(source)
                .setSourceFile(file)
                .setSourceLine(line)
                .build();
    }

    private static BigDecimal equalShare(int n) {
        return HUNDRED.divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal percentage(String v, BigDecimal fallback) {
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            BigDecimal p = new BigDecimal(v.strip()).setScale(4, RoundingMode.HALF_UP);
            return p.signum() < 0 || p.compareTo(HUNDRED) > 0 ? fallback : p;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
