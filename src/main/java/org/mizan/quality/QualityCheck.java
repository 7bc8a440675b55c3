package org.mizan.quality;

import java.util.List;

/** One check of {@code config/quality.yml}: a method applied to one measure of one dataset, with its parameters. */
public record QualityCheck(
        String name,
        String method,
        String dataset,
        String measure,
        String across,
        Double threshold,
        Double k,
        Integer minPoints,
        List<String> entryTypes,
        Integer floorYear,
        Double maxSharePct,
        String of,
        Double factor,
        Double tolerancePct) {}
