package org.mizan.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mizan.csv.CsvWriter;
import org.mizan.lake.Lake;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a release's files into its (temporary) folder: {@code csv/<view>.csv}, {@code <region>_<period>.xlsx},
 * the Parquet files already there, {@code CHANGES.csv} from version 2 on, and {@code manifest.json} last.
 */
final class ReleaseWriter {

    static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReleaseWriter() {}

    /** The approval status of the region and year in the published warehouse (warehouse/queries/extract_approval.sql). */
    private static String approvalStatus(org.mizan.config.MizanHome home, String region, String year)
            throws IOException {
        try {
            var rows = org.mizan.warehouse.ReadOnlyQuery.run(
                            home.publishedWarehouse().toRealPath(),
                            org.mizan.duckdb.SqlFiles.text("queries/extract_approval.sql"),
                            List.of(region, year))
                    .rows();
            return String.valueOf(rows.get(0).get(0));
        } catch (java.sql.SQLException e) {
            throw new IOException(
                    "cannot read the approval status of " + region + " " + year + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Object> write(
            Path dir,
            org.mizan.config.MizanHome home,
            Recipient r,
            ExtractPeriod period,
            int version,
            RegionExtract.Result result,
            List<Releases.Change> changes,
            List<ReopenNotice.Reopen> reopens,
            Lake lake)
            throws IOException {
        List<Map<String, Object>> files = new ArrayList<>();
        for (Table t : result.tables()) {
            if (r.formats().contains("csv")) {
                Path f = dir.resolve(t.name() + ".csv");
                ExtractFiles.csv(t, f);
                files.add(file(dir, f, "csv", t.name(), t.rows().size()));
            }
            if (r.formats().contains("parquet")) {
                files.add(file(
                        dir,
                        dir.resolve(t.name() + ".parquet"),
                        "parquet",
                        t.name(),
                        t.rows().size()));
            }
        }
        Map<String, String> about = new LinkedHashMap<>();
        about.put("region", r.region());
        about.put(
                "period",
                period.label() + " (views kept per year give the year " + period.year() + "; the others its months "
                        + period.fromMonth() + " to " + period.toMonth() + ")");
        about.put(
                "release",
                "version " + version
                        + (version > 1 ? " (CHANGES.csv lists what changed since version " + (version - 1) + ")" : ""));
        String approval = approvalStatus(home, r.region(), String.valueOf(period.year()));
        about.put(
                "approval",
                r.region() + " " + period.year() + ": " + approval
                        + (approval.equals("unapproved")
                                ? " (provisional: the figures are not yet signed off and may change)"
                                : " (signed off: final figures)"));
        if (!reopens.isEmpty()) {
            about.put("reopened", ReopenNotice.about(reopens, !changes.isEmpty(), version - 1));
        }
        about.put(Cells.SUPPRESSED, PublishedCells.explanation(r.threshold()));
        if (r.formats().contains("xlsx")) {
            Path f = dir.resolve(r.region() + "_" + period.label() + ".xlsx");
            ExtractFiles.xlsx(result.tables(), about, f);
            int rows = result.tables().stream().mapToInt(t -> t.rows().size()).sum();
            files.add(file(dir, f, "xlsx", "all views (one sheet each, after the About sheet)", rows));
        }
        if (version > 1) {
            Path f = dir.resolve("CHANGES.csv");
            try (CsvWriter w = CsvWriter.forPeople(CsvWriter.file(f), CsvWriter.FILE_LINE_END)) {
                w.row("view", "key", "column", "before", "after");
                for (Releases.Change c : changes) {
                    w.row(c.view(), c.key(), c.column(), c.before(), c.after());
                }
            }
            files.add(file(dir, f, "csv", "change notice", changes.size()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema_version", ExtractRun.SCHEMA_VERSION);
        m.put("release_version", version);
        m.put("recipient", r.id());
        m.put("region", r.region());
        m.put("period", period.label());
        m.put("year", period.year());
        m.put("months", List.of(period.fromMonth(), period.toMonth()));
        m.put("generated_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put(
                "approval",
                ExtractRun.map(
                        "unit_code", r.region(), "period", String.valueOf(period.year()), "approval_status", approval));
        m.put(
                "disclosure_control",
                ExtractRun.map(
                        "threshold",
                        r.threshold(),
                        "marker",
                        Cells.SUPPRESSED,
                        "suppressed_counts",
                        result.disclosure().suppressed(),
                        "cells_withheld",
                        result.disclosure().cells()));
        if (version > 1) {
            m.put("previous_version", version - 1);
            m.put("changed_cells", changes.size());
            m.put("reopened", ReopenNotice.manifest(reopens, !changes.isEmpty()));
        }
        m.put("files", files);
        m.put("source_partitions", SourcePartitions.of(lake, period.year()));
        Files.writeString(dir.resolve("manifest.json"), JSON.writeValueAsString(m), StandardCharsets.UTF_8);
        m.put("files_summary", files.size() + " files + manifest.json");
        return m;
    }

    private static Map<String, Object> file(Path dir, Path f, String format, String view, int rows) throws IOException {
        return ExtractRun.map(
                "file",
                dir.relativize(f).toString(),
                "format",
                format,
                "view",
                view,
                "rows",
                rows,
                "bytes",
                Files.size(f),
                "sha256",
                org.mizan.config.Checksums.sha256(f));
    }
}
