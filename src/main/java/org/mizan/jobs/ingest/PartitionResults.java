package org.mizan.jobs.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.mizan.config.MizanHome;
import org.mizan.csv.CsvWriter;
import org.mizan.duckdb.DuckDb;
import org.mizan.duckdb.SqlFiles;
import org.mizan.lake.Dataset;
import org.mizan.lake.LakeReader;
import org.mizan.lake.PartitionedParquetWriter;
import org.mizan.normalise.Rule;
import org.mizan.steward.RunReport;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Joins the partitions of a partitioned ingest into the result one node would have had, once every partition
 * has completed (on this machine or on workers): the counts summed into the manager's {@code ingest} step; the
 * duplicates no single partition could see (a {@code txn_id} staged by two partitions) kept in its first place
 * (file order, then line) and rejected elsewhere, with the rule and message a single-node run gives them; and
 * every partition's rejects merged into the run's one quarantine file, in file and line order. Partitions are read
 * back from the job repository (a restarted run sends only its unfinished partitions, but counts all). What it
 * decides is written to the run's staging folder before a staged file is changed, so doing it again after a cut
 * gives the same result.
 */
public class PartitionResults implements StepExecutionAggregator {

    /** Accepted rows of the delivery's file number i: {@code file_accepted.i}. */
    static final String FILE_ACCEPTED = "file_accepted.";

    static final String PARTITIONS = "partitions";

    private static final Pattern IN_FILE = Pattern.compile("^txn_id (.*) of (.*) was already accepted at line (\\d+)$");

    private final JobRepository repository;
    private final MizanHome home;

    public PartitionResults(JobRepository repository, MizanHome home) {
        this.repository = repository;
        this.home = home;
    }

    /** A rejected row as the quarantine holds it. */
    private record Row(int fileIndex, long line, String file, String rule, String message, String raw) {}

    /** A staged row whose key another partition also staged. */
    private record Shared(String provider, String txnId, long line, Path staged, int fileIndex) {}

    @Override
    public void aggregate(StepExecution result, Collection<StepExecution> executions) {
        new DefaultStepExecutionAggregator().aggregate(result, executions);
        List<IngestPartitions.Part> plan = PartitionedIngestSteps.partitions(
                        result.getJobExecution().getJobParameters())
                .plan();
        List<StepExecution> parts = new ArrayList<>();
        for (IngestPartitions.Part p : plan) {
            StepExecution last = repository.getLastStepExecution(
                    result.getJobExecution().getJobInstance(), PartitionIngestStep.NAME + ":" + p.name());
            if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
                return; // the step fails (a partition did not complete); a rerun sends the unfinished ones
            }
            parts.add(last);
        }
        try {
            join(result, plan, parts);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(
                    "cannot join the partitions of run "
                            + result.getJobExecution().getJobInstance().getInstanceId(),
                    e);
        }
    }

    private void join(StepExecution result, List<IngestPartitions.Part> plan, List<StepExecution> parts)
            throws IOException {
        String jobName = result.getJobExecution().getJobInstance().getJobName();
        long runId = result.getJobExecution().getJobInstance().getInstanceId();
        List<Path> files =
                plan.stream().map(IngestPartitions.Part::file).distinct().toList();
        Map<String, Long> byRule = new TreeMap<>();
        long rows = 0;
        long accepted = 0;
        long rejected = 0;
        long skipped = 0;
        long[] fileAccepted = new long[files.size()];
        List<Row> rejects = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            ExecutionContext c = parts.get(i).getExecutionContext();
            IngestPartitions.Part p = plan.get(i);
            RunReport part = RunReport.read(c.toMap());
            rows += part.sourceRows() == null ? 0 : part.sourceRows();
            accepted += part.accepted();
            fileAccepted[p.fileIndex()] += part.accepted();
            rejected += part.rejected();
            skipped += c.getLong(SourceItemReader.SKIPPED_LINES, 0);
            part.rejectsByRule().forEach((rule, n) -> byRule.merge(rule, n, Long::sum));
            Path q = PartitionContext.partQuarantine(home, jobName, runId, p.name());
            if (Files.exists(q)) {
                for (List<String> r : QuarantineReader.read(q, StandardCharsets.UTF_8)) {
                    rejects.add(
                            new Row(p.fileIndex(), Long.parseLong(r.get(1)), r.get(0), r.get(2), r.get(3), r.get(4)));
                }
            }
        }
        IngestContext first =
                new IngestContext(home, files.get(0).toString(), plan.get(0).mapping(), jobName, runId);
        if (first.dataset() == Dataset.REMITTANCE_TRANSACTIONS) {
            Path decided = IngestContext.stagingOf(home, jobName, runId).resolve("shared-keys.csv");
            List<Row> shared =
                    Files.exists(decided) ? readDecided(decided) : decide(plan, parts, files, jobName, runId, decided);
            Map<String, Row> firstOf = new HashMap<>();
            Map<Path, Set<Long>> drop = new HashMap<>();
            for (Row r : shared) {
                if (r.rule().equals("keep")) {
                    firstOf.put(r.message(), r);
                } else {
                    rejects.add(new Row(
                            r.fileIndex(),
                            r.line(),
                            files.get(r.fileIndex()).getFileName().toString(),
                            r.rule(),
                            r.message(),
                            r.raw()));
                    rejected++;
                    accepted--;
                    fileAccepted[r.fileIndex()]--;
                    byRule.merge(r.rule(), 1L, Long::sum);
                    drop.computeIfAbsent(Path.of(r.file()), k -> new HashSet<>())
                            .add(r.line());
                }
            }
            // a duplicate a partition rejected against its own earlier line: one node names the key's first line
            // in the file, or, when an earlier file of the delivery has the key, rejects it as loaded from there
            for (int k = 0; k < rejects.size(); k++) {
                Row r = rejects.get(k);
                Matcher m = r.rule().equals(Rule.DUPLICATE_IN_FILE.code()) ? IN_FILE.matcher(r.message()) : null;
                Row keep = m != null && m.matches() ? firstOf.get(m.group(2) + '\u0001' + m.group(1)) : null;
                if (keep == null) {
                    continue;
                }
                if (keep.fileIndex() < r.fileIndex()) {
                    rejects.set(
                            k,
                            new Row(
                                    r.fileIndex(),
                                    r.line(),
                                    r.file(),
                                    Rule.DUPLICATE_LOADED.code(),
                                    "txn_id " + m.group(1) + " of " + m.group(2) + " was already loaded from "
                                            + keep.file(),
                                    r.raw()));
                    byRule.merge(Rule.DUPLICATE_IN_FILE.code(), -1L, Long::sum);
                    byRule.merge(Rule.DUPLICATE_LOADED.code(), 1L, Long::sum);
                } else {
                    rejects.set(
                            k,
                            new Row(
                                    r.fileIndex(),
                                    r.line(),
                                    r.file(),
                                    r.rule(),
                                    "txn_id " + m.group(1) + " of " + m.group(2) + " was already accepted at line "
                                            + keep.line(),
                                    r.raw()));
                }
            }
            byRule.values().removeIf(n -> n == 0);
            for (Map.Entry<Path, Set<Long>> e : drop.entrySet()) {
                dropLines(first.dataset(), e.getKey(), e.getValue());
            }
        }
        rejects.sort(Comparator.comparingInt(Row::fileIndex).thenComparingLong(Row::line));
        ExecutionContext ctx = result.getExecutionContext();
        String quarantineFile = null;
        if (!rejects.isEmpty()) {
            Path quarantine = first.quarantineFile();
            Files.createDirectories(quarantine.getParent());
            Path tmp = quarantine.resolveSibling(quarantine.getFileName() + ".tmp");
            try (CsvWriter out = CsvWriter.verbatim(CsvWriter.file(tmp))) {
                out.row(QuarantineWriter.COLUMNS);
                for (Row r : rejects) {
                    QuarantineWriter.row(out, r.file(), r.line(), r.rule(), r.message(), r.raw());
                }
            }
            Files.move(tmp, quarantine, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            quarantineFile = quarantine.toString();
        }
        // the run summary names what was stored in the dataset's words ("2995 transactions stored"), as on one node
        new RunReport(
                        rows,
                        accepted,
                        rejected,
                        0,
                        null,
                        quarantineFile,
                        byRule,
                        Map.of(first.dataset().folder(), accepted))
                .writeTo(ctx);
        ctx.putLong(SourceItemReader.SKIPPED_LINES, skipped);
        ctx.putInt(PARTITIONS, plan.size());
        for (int i = 0; i < fileAccepted.length; i++) {
            ctx.putLong(FILE_ACCEPTED + i, fileAccepted[i]);
        }
    }

    /**
     * Finds the keys two partitions staged, keeps each one's first row and decides the others' rejects; writes
     * the decision (kept rows as {@code keep} with their key as message) before anything is changed.
     */
    private List<Row> decide(
            List<IngestPartitions.Part> plan,
            List<StepExecution> parts,
            List<Path> files,
            String jobName,
            long runId,
            Path decided)
            throws IOException {
        Map<Path, IngestPartitions.Part> partOfFolder = new HashMap<>();
        List<Path> staged = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            IngestPartitions.Part p = plan.get(i);
            partOfFolder.put(PartitionContext.partStaging(home, jobName, runId, p.name()), p);
            // the files the partition listed as finished before its end was recorded, not whatever its folder holds
            staged.addAll(PartitionIngestStep.staged(home, jobName, runId, p, parts.get(i)));
        }
        List<Shared> rows = new ArrayList<>();
        if (plan.size() > 1 && !staged.isEmpty()) {
            String list = staged.stream()
                    .map(f -> "'" + f.toString().replace("'", "''") + "'")
                    .collect(Collectors.joining(", "));
            try (Connection c = DuckDb.inMemory();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(SqlFiles.text("queries/partition_shared_txn_keys.sql")
                            .replace("{{files}}", list))) {
                while (rs.next()) {
                    Path f = Path.of(rs.getString(4));
                    IngestPartitions.Part p = null;
                    for (Path dir = f.getParent(); dir != null && p == null; dir = dir.getParent()) {
                        p = partOfFolder.get(dir);
                    }
                    rows.add(new Shared(rs.getString(1), rs.getString(2), rs.getLong(3), f, p.fileIndex()));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot compare the keys the partitions staged: " + e.getMessage(), e);
            }
        }
        rows.sort(Comparator.comparingInt(Shared::fileIndex).thenComparingLong(Shared::line));
        Map<String, Shared> firstOf = new HashMap<>();
        List<Row> out = new ArrayList<>();
        Map<Integer, Set<Long>> rawNeeded = new HashMap<>();
        for (Shared r : rows) {
            String key = r.provider() + '\u0001' + r.txnId();
            Shared keep = firstOf.putIfAbsent(key, r);
            if (keep != null) {
                rawNeeded.computeIfAbsent(r.fileIndex(), k -> new HashSet<>()).add(r.line());
            }
        }
        Map<Integer, Map<Long, String>> raw = new HashMap<>();
        for (Map.Entry<Integer, Set<Long>> e : rawNeeded.entrySet()) {
            raw.put(e.getKey(), lines(files.get(e.getKey()), e.getValue()));
        }
        Set<String> kept = new HashSet<>();
        for (Shared r : rows) {
            String key = r.provider() + '\u0001' + r.txnId();
            Shared keep = firstOf.get(key);
            String name = files.get(keep.fileIndex()).getFileName().toString();
            if (keep == r) {
                if (kept.add(key)) {
                    out.add(new Row(r.fileIndex(), r.line(), name, "keep", key, ""));
                }
            } else if (keep.fileIndex() == r.fileIndex()) {
                out.add(new Row(
                        r.fileIndex(),
                        r.line(),
                        r.staged().toString(),
                        Rule.DUPLICATE_IN_FILE.code(),
                        "txn_id " + r.txnId() + " of " + r.provider() + " was already accepted at line " + keep.line(),
                        raw.get(r.fileIndex()).get(r.line())));
            } else {
                out.add(new Row(
                        r.fileIndex(),
                        r.line(),
                        r.staged().toString(),
                        Rule.DUPLICATE_LOADED.code(),
                        "txn_id " + r.txnId() + " of " + r.provider() + " was already loaded from " + name,
                        raw.get(r.fileIndex()).get(r.line())));
            }
        }
        Path tmp = decided.resolveSibling(decided.getFileName() + ".tmp");
        try (CsvWriter w = CsvWriter.verbatim(CsvWriter.file(tmp))) {
            for (Row r : out) {
                w.row(r.fileIndex(), r.line(), r.file(), r.rule(), r.message(), r.raw());
            }
        }
        Files.move(tmp, decided, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return readDecided(decided);
    }

    /**
     * The decision as read back: a reject's file is the staged Parquet file it is dropped from until then, and its
     * delivered file's name in the quarantine (turned here, so both are known).
     */
    private List<Row> readDecided(Path decided) throws IOException {
        List<Row> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(decided, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180.parse(in)) {
            for (CSVRecord f : csv) {
                out.add(new Row(
                        Integer.parseInt(f.get(0)), Long.parseLong(f.get(1)), f.get(2), f.get(3), f.get(4), f.get(5)));
            }
        }
        return out;
    }

    /** The text of some lines of a delivered file (line breaks removed), for the quarantine's raw column. */
    private static Map<Long, String> lines(Path file, Set<Long> wanted) throws IOException {
        Map<Long, String> out = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long n = 0;
            String l;
            while ((l = in.readLine()) != null && out.size() < wanted.size()) {
                if (wanted.contains(++n)) {
                    out.put(n, n == 1 && l.startsWith("\uFEFF") ? l.substring(1) : l);
                }
            }
        }
        return out;
    }

    /** Rewrites a staged file without the rows of those lines (nothing changes when they are already gone). */
    private static void dropLines(Dataset dataset, Path staged, Set<Long> lines) throws IOException {
        if (!Files.exists(staged)) {
            return;
        }
        int lineField = dataset.schema().getField("source_line").pos();
        Path tmp = staged.resolveSibling(staged.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (ParquetWriter<SpecificRecord> w = PartitionedParquetWriter.writer(dataset, tmp)) {
            LakeReader.read(dataset, staged, r -> {
                if (!lines.contains(((Number) r.get(lineField)).longValue())) {
                    try {
                        w.write(r);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
        }
        Files.move(tmp, staged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
