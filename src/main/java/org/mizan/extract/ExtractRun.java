package org.mizan.extract;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mizan.approval.ApprovalStore;
import org.mizan.config.Folders;
import org.mizan.config.MizanHome;
import org.mizan.extract.delivery.Delivery;
import org.mizan.extract.delivery.DeliveryException;
import org.mizan.extract.delivery.DeliveryReport;
import org.mizan.extract.delivery.OutboxDelivery;
import org.mizan.extract.delivery.SftpDelivery;
import org.mizan.extract.delivery.SftpSettings;
import org.mizan.extract.disclosure.Rules;
import org.mizan.lake.Lake;
import org.mizan.warehouse.Warehouse;

/**
 * One run of {@code extract-region} for a recipient and period: reads the region's extract from the published
 * warehouse; when it differs from the newest release of that period (or there is none) writes release vN+1 (with
 * a change notice against vN), never touching an earlier one; then delivers every release of the recipient not
 * yet delivered (a failed delivery is reported and tried again by the next run).
 */
public final class ExtractRun {

    public static final String SCHEMA_VERSION = "1";

    /** What a run did. {@code failures} lists deliveries that failed (the run then fails, after trying them all). */
    public record Outcome(
            Releases.Release release,
            boolean created,
            int changes,
            List<DeliveryReport> delivered,
            List<String> failures) {

        public int version() {
            return release.version();
        }

        public Path dir() {
            return release.dir();
        }
    }

    private ExtractRun() {}

    /**
     * Checks, before any work, that {@code region} is a region (level 1) of the published warehouse's gazetteer;
     * an {@link IllegalArgumentException} says what is wrong and what to do.
     */
    public static void requireRegion(MizanHome home, String region) throws SQLException {
        Path warehouse = new Warehouse(home).published();
        if (warehouse == null) {
            throw new IllegalStateException("no warehouse in " + home.root() + " yet: load data first (./mizan run …)");
        }
        try (java.sql.Connection c = org.mizan.duckdb.DuckDb.readOnly(warehouse)) {
            RegionExtract.checkRegion(c, region);
        }
    }

    public static Outcome run(MizanHome home, Recipient recipient, ExtractPeriod period, PrintWriter out)
            throws IOException, SQLException {
        return run(home, recipient, period, out, null);
    }

    /**
     * As above; with {@code approvals} (the job repository's approval store), the release also lists every reopen
     * of the region's units for the period since the previous release, and a reopen alone makes a new release.
     */
    public static Outcome run(
            MizanHome home, Recipient recipient, ExtractPeriod period, PrintWriter out, ApprovalStore approvals)
            throws IOException, SQLException {
        Path warehouse = new Warehouse(home).published();
        if (warehouse == null) {
            throw new IllegalStateException("no warehouse in " + home.root() + " yet: load data first (./mizan run …)");
        }
        Releases releases = new Releases(home, recipient.id());
        Path dir = releases.periodDir(period.label());
        Files.createDirectories(dir);
        Optional<Releases.Release> latest = releases.latest(recipient.id(), period.label());
        int next = latest.map(r -> r.version() + 1).orElse(1);
        Path tmp = dir.resolve(".v" + next + ".tmp-" + ProcessHandle.current().pid());
        Folders.deleteTree(tmp);
        Files.createDirectories(tmp);
        Releases.Release release;
        boolean created;
        int changes = 0;
        try {
            out.println("extract " + recipient.id() + ": region " + recipient.region() + ", period " + period.label()
                    + " (yearly views: " + period.year() + "; monthly and quarterly: " + period.fromMonth() + ".."
                    + period.toMonth() + ")");
            RegionExtract.Result result = RegionExtract.read(
                    warehouse,
                    recipient.region(),
                    period,
                    new Rules(recipient.threshold(), true),
                    recipient.formats().contains("parquet") ? tmp : null);
            if (result.tables().stream().allMatch(t -> t.rows().isEmpty())) {
                throw new IllegalStateException("no data for region " + recipient.region() + " in " + period.label()
                        + ": nothing was published (./mizan status lists the periods loaded)");
            }
            Map<String, String> cells = Releases.cells(result.tables());
            long auditSeq = approvals == null ? -1 : approvals.lastSeq();
            List<ReopenNotice.Reopen> reopens = approvals != null && latest.isPresent()
                    ? ReopenNotice.since(approvals, latest.get(), warehouse, recipient.region(), period)
                    : List.of();
            if (latest.isPresent()
                    && reopens.isEmpty()
                    && Releases.readCells(latest.get().cells()).equals(cells)) {
                out.println("  unchanged since release v" + latest.get().version() + ": no new release");
                Folders.deleteTree(tmp);
                release = latest.get();
                created = false;
            } else {
                List<Releases.Change> diff = latest.isPresent()
                        ? Releases.changes(Releases.readCells(latest.get().cells()), cells)
                        : List.of();
                changes = diff.size();
                Map<String, Object> manifest = ReleaseWriter.write(
                        tmp, home, recipient, period, next, result, diff, reopens, new Lake(home.lake()));
                release = new Releases.Release(recipient.id(), period.label(), next, dir.resolve("v" + next));
                Releases.writeCells(release.cells(), cells);
                if (auditSeq >= 0) {
                    ReopenNotice.remember(release, auditSeq);
                }
                Files.move(tmp, release.dir(), StandardCopyOption.ATOMIC_MOVE);
                readOnly(release.dir());
                created = true;
                out.println("  release v" + next + " in " + release.dir() + ": " + manifest.get("files_summary")
                        + (latest.isPresent()
                                ? "; " + changes + " cell(s) changed since v"
                                        + latest.get().version() + " (CHANGES.csv)"
                                : "")
                        + (reopens.isEmpty()
                                ? ""
                                : "; " + reopens.size() + " reopen(s) of approved figures since v"
                                        + latest.get().version() + " (manifest.json: reopened)"));
            }
        } catch (IOException | SQLException | RuntimeException e) {
            Folders.deleteTree(tmp);
            throw e;
        }
        List<DeliveryReport> delivered = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        if (recipient.delivers()) {
            Delivery delivery = delivery(recipient);
            for (Releases.Release r : releases.undelivered(recipient.id())) {
                String name = r.deliveryName(recipient.region());
                try {
                    DeliveryReport report = delivery.deliver(r.dir(), name);
                    Files.writeString(
                            r.delivered(), Instant.now() + " " + report.summary() + "\n", StandardCharsets.UTF_8);
                    delivered.add(report);
                    out.println("  delivered " + name + " to " + delivery.describe() + " (" + report.files()
                            + " files, " + report.attempts() + " attempt(s))");
                } catch (DeliveryException e) {
                    failures.add(name + ": " + e.getMessage());
                    out.println("  NOT delivered " + name + " to " + delivery.describe() + ": " + e.getMessage()
                            + " (it is tried again on the next run)");
                }
            }
        } else {
            out.println("  no delivery configured for " + recipient.id() + ": the release stays in " + dir);
        }
        return new Outcome(release, created, changes, delivered, failures);
    }

    static Delivery delivery(Recipient r) {
        if (r.outbox() != null) {
            return new OutboxDelivery(r.outbox());
        }
        // the password's variable: the environment's, else a JVM system property of that name (-DNAME=…)
        return new SftpDelivery(
                SftpSettings.fromMap(
                        r.sftp(), n -> System.getenv(n) != null ? System.getenv(n) : System.getProperty(n)),
                r.retry());
    }

    private static void readOnly(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                p.toFile().setWritable(false, false);
            }
        }
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
