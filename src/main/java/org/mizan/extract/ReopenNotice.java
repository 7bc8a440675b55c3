package org.mizan.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mizan.approval.ApprovalStore;
import org.mizan.approval.AuditEntry;
import org.mizan.approval.Hierarchy;
import org.mizan.approval.PeriodType;

/**
 * The reopens a release's change notice lists: every reopen of the approval audit trail recorded since the previous
 * release of the period, of the region or a unit below it, for an approval period that overlaps the extract's. A
 * release remembers the last audit row it saw in {@code vN.audit} beside it (a release without one, written before
 * this file existed, counts reopens from its manifest's {@code generated_at}).
 */
final class ReopenNotice {

    /** One reopen as the notice shows it. */
    record Reopen(String unit, String period, String workflow, String at, String by, String reason) {}

    private ReopenNotice() {}

    /** The audit row a release saw; -1 when the release has no {@code vN.audit}. */
    static long seen(Releases.Release r) throws IOException {
        Path f = audit(r);
        return Files.isRegularFile(f)
                ? Long.parseLong(Files.readString(f, StandardCharsets.UTF_8).strip())
                : -1;
    }

    static void remember(Releases.Release r, long seq) throws IOException {
        Files.writeString(audit(r), seq + "\n", StandardCharsets.UTF_8);
    }

    private static Path audit(Releases.Release r) {
        return r.dir().resolveSibling("v" + r.version() + ".audit");
    }

    /** The reopens since release {@code previous} that concern the region and the period. */
    static List<Reopen> since(
            ApprovalStore store, Releases.Release previous, Path warehouse, String region, ExtractPeriod period)
            throws IOException {
        long seen = seen(previous);
        String after = seen >= 0 ? null : generatedAt(previous);
        Hierarchy h = new Hierarchy(warehouse);
        LocalDate from = YearMonth.parse(period.fromMonth()).atDay(1);
        LocalDate to = YearMonth.parse(period.toMonth()).atEndOfMonth();
        List<Reopen> out = new ArrayList<>();
        for (AuditEntry e : store.reopensAfter(Math.max(seen, 0))) {
            String at = e.changedAt().toInstant(ZoneOffset.UTC).toString();
            if (after != null && at.compareTo(after) < 0) {
                continue;
            }
            if (h.isWithin(e.unitCode(), region) && overlaps(e.period(), from, to)) {
                out.add(new Reopen(e.unitCode(), e.period(), e.workflow(), at, e.changedBy(), e.comment()));
            }
        }
        return out;
    }

    private static boolean overlaps(String period, LocalDate from, LocalDate to) {
        for (PeriodType t : PeriodType.values()) {
            if (t.matches(period)) {
                return !t.start(period).isAfter(to) && !t.end(period).isBefore(from);
            }
        }
        return false;
    }

    private static String generatedAt(Releases.Release r) throws IOException {
        Path m = r.dir().resolve("manifest.json");
        return Files.isRegularFile(m)
                ? ReleaseWriter.JSON.readTree(m.toFile()).path("generated_at").asString("")
                : "";
    }

    /** The manifest's entries: unit_code, period, workflow, reopened_at, reopened_by, reason, values_changed. */
    static List<Map<String, Object>> manifest(List<Reopen> reopens, boolean valuesChanged) {
        return reopens.stream()
                .map(r -> ExtractRun.map(
                        "unit_code",
                        r.unit(),
                        "period",
                        r.period(),
                        "workflow",
                        r.workflow(),
                        "reopened_at",
                        r.at(),
                        "reopened_by",
                        r.by(),
                        "reason",
                        r.reason(),
                        "values_changed",
                        valuesChanged))
                .toList();
    }

    /** The About sheet's line. */
    static String about(List<Reopen> reopens, boolean valuesChanged, int previousVersion) {
        StringBuilder b = new StringBuilder();
        for (Reopen r : reopens) {
            b.append(b.isEmpty() ? "" : "; ")
                    .append(r.unit())
                    .append(' ')
                    .append(r.period())
                    .append(" (")
                    .append(r.workflow())
                    .append(") reopened at ")
                    .append(r.at())
                    .append(" by ")
                    .append(r.by())
                    .append(": \"")
                    .append(r.reason())
                    .append('"');
        }
        return b.append(" — values changed since version ")
                .append(previousVersion)
                .append(valuesChanged ? ": yes (CHANGES.csv)" : ": no")
                .toString();
    }
}
