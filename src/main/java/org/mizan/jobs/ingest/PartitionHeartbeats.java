package org.mizan.jobs.ingest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.mizan.duckdb.SqlFiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The heartbeats of remote partitions in the job repository's database ({@code warehouse/partitions/}): a worker
 * beats for every partition it runs; a manager reads how long ago each beat was, by the database's clock, and fails
 * a partition whose worker stopped beating. Independent of a partition's progress, so a partition busy with a long
 * step (reading the keys already loaded, finishing its files) is not taken for dead.
 */
public final class PartitionHeartbeats {

    private final JdbcTemplate jdbc;

    public PartitionHeartbeats(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        new ResourceDatabasePopulator(new ClassPathResource("warehouse/partitions/tables.sql")).execute(dataSource);
    }

    /** A worker takes a partition: its first beat (a row left by an earlier taking is replaced). */
    void start(long stepExecutionId, String worker) {
        jdbc.update(sql("heartbeat_delete"), stepExecutionId);
        jdbc.update(sql("heartbeat_insert"), stepExecutionId, worker);
    }

    void beat(long stepExecutionId) {
        jdbc.update(sql("heartbeat_beat"), stepExecutionId);
    }

    void end(long stepExecutionId) {
        jdbc.update(sql("heartbeat_delete"), stepExecutionId);
    }

    /** A partition's last beat: who beat, and how long ago. */
    record Beat(String worker, Duration age) {}

    /** The last beat of every partition running now, by step execution. */
    Map<Long, Beat> beats() {
        Map<Long, Beat> out = new HashMap<>();
        jdbc.query(sql("heartbeats"), rs -> {
            OffsetDateTime beat = rs.getObject("beat", OffsetDateTime.class);
            OffsetDateTime now = rs.getObject("now_", OffsetDateTime.class);
            out.put(rs.getLong("step_execution_id"), new Beat(rs.getString("worker"), Duration.between(beat, now)));
        });
        return out;
    }

    private static String sql(String name) {
        return SqlFiles.statements(SqlFiles.text("partitions/" + name + ".sql")).get(0);
    }
}
