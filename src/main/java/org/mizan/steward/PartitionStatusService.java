package org.mizan.steward;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mizan.config.MizanHome;
import org.mizan.duckdb.DuckDb;
import org.mizan.duckdb.SqlFiles;
import org.mizan.jobs.JobCatalogue;
import org.mizan.jobs.JobDescriptor;
import org.mizan.lake.Dataset;
import org.mizan.lake.Lake;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * The lake's partitions as a steward sees them in {@code mizan status}: per job × source × period, the rows there and
 * the newest load that wrote any of them (a partition rerun or backfill speaking only for its own partition).
 */
@Component
public class PartitionStatusService {

    private final JobRepository repository;
    private final JobCatalogue catalogue;

    public PartitionStatusService(JobRepository repository, JobCatalogue catalogue) {
        this.repository = repository;
        this.catalogue = catalogue;
    }

    /** One partition of a job: its rows, and the newest load of any of its files (null when none is known). */
    public record Partition(String job, String source, String period, long rows, JobExecution last) {}

    /** Every partition of every job of the catalogue, by job, source and period. */
    public List<Partition> partitions(MizanHome home) throws Exception {
        Lake lake = new Lake(home.lake());
        Map<String, Partition> rows = new TreeMap<>();
        try (Connection c = DuckDb.inMemory();
                PreparedStatement ps = c.prepareStatement(SqlFiles.text("queries/lake_file_rows.sql"))) {
            for (JobDescriptor job : catalogue.jobs()) {
                Map<String, JobExecution> newestByUnit = newestByUnit(job.name());
                for (String dataset : job.datasets()) {
                    Dataset d = Dataset.of(dataset);
                    if (!lake.hasFiles(d)) {
                        continue;
                    }
                    ps.setString(1, lake.glob(d));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Lake.Located f = Lake.locate(Path.of(rs.getString(1)));
                            if (f == null) {
                                continue; // the schema file
                            }
                            String key = job.name() + "\u0001" + f.source() + "\u0001" + f.period();
                            JobExecution e = newer(
                                    newestByUnit.get(f.unit()),
                                    newestByUnit.get(f.unit() + "\u0001" + f.period() + "\u0001" + f.source()));
                            Partition old = rows.get(key);
                            JobExecution last = old == null ? e : newer(old.last(), e);
                            rows.put(
                                    key,
                                    new Partition(
                                            job.name(),
                                            f.source(),
                                            f.period(),
                                            (old == null ? 0 : old.rows()) + rs.getLong(2),
                                            last));
                        }
                    }
                }
            }
        }
        return List.copyOf(rows.values());
    }

    private Map<String, JobExecution> newestByUnit(String job) {
        Map<String, JobExecution> out = new HashMap<>();
        for (JobExecution e : Executions.list(repository, job, null, Integer.MAX_VALUE)) {
            String file = e.getJobParameters().getString("file");
            if (file != null) {
                // a partition rerun or backfill only speaks for its own partition
                String period = e.getJobParameters().getString("period");
                String unit = Lake.unitOf(Path.of(file));
                out.putIfAbsent(
                        period == null
                                ? unit
                                : unit + "\u0001" + period + "\u0001"
                                        + e.getJobParameters().getString("source"),
                        e);
            }
        }
        return out;
    }

    private static JobExecution newer(JobExecution a, JobExecution b) {
        if (a == null) {
            return b;
        }
        return b == null || a.getId() > b.getId() ? a : b;
    }
}
