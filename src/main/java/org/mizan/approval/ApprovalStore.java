package org.mizan.approval;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Approval state and its audit trail in the job repository's database (H2 file, or PostgreSQL when shared): they
 * outlive every warehouse build and load, and every node of a shared repository sees the same. A change of state
 * and its audit row are written in one transaction; audit rows are only ever inserted.
 */
@Component
public class ApprovalStore {

    /** A row of {@code approval_state} (the states and all_states queries). */
    private static final RowMapper<ApprovalState> STATE = (rs, i) -> new ApprovalState(
            rs.getString("workflow"),
            rs.getString("unit_code"),
            rs.getString("period"),
            rs.getString("state"),
            rs.getString("changed_by"),
            rs.getTimestamp("changed_at").toLocalDateTime(),
            rs.getString("comment"));

    /** A row of {@code approval_audit} (the audit and reopens_after queries). */
    private static final RowMapper<AuditEntry> AUDIT = (rs, i) -> new AuditEntry(
            rs.getLong("seq"),
            rs.getString("workflow"),
            rs.getString("unit_code"),
            rs.getString("period"),
            rs.getString("action"),
            rs.getString("from_state"),
            rs.getString("to_state"),
            rs.getString("changed_by"),
            rs.getTimestamp("changed_at").toLocalDateTime(),
            rs.getString("comment"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public ApprovalStore(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactions);
        new ResourceDatabasePopulator(new ClassPathResource("warehouse/approvals/tables.sql")).execute(dataSource);
    }

    /** The states of a workflow and period, by unit (units never approved are absent: unapproved). */
    public Map<String, ApprovalState> states(String workflow, String period) {
        Map<String, ApprovalState> out = new LinkedHashMap<>();
        for (ApprovalState s : jdbc.query(sql("states"), STATE, workflow, period)) {
            out.put(s.unitCode(), s);
        }
        return out;
    }

    /** Every state recorded, approved or not. */
    public List<ApprovalState> all() {
        return jdbc.query(sql("all_states"), STATE);
    }

    /** The audit trail of a workflow and period, oldest first (every unit when {@code unit} is null). */
    public List<AuditEntry> audit(String workflow, String unit, String period) {
        return jdbc.query(sql("audit"), AUDIT, workflow, period, unit, unit);
    }

    /** Every reopen recorded after audit row {@code seq}, of any workflow, unit and period, oldest first. */
    public List<AuditEntry> reopensAfter(long seq) {
        return jdbc.query(sql("reopens_after"), AUDIT, seq);
    }

    /** The number of the last audit row (0 before any). */
    public long lastSeq() {
        return jdbc.queryForObject(sql("last_seq"), Long.class);
    }

    /** One transition to record: the new state of a unit, and the action that led to it. */
    public record Change(ApprovalState to, String action, String fromState) {}

    /** Applies the changes and appends their audit rows, all or none. */
    public void apply(List<Change> changes) {
        tx.executeWithoutResult(status -> {
            long seq = lastSeq();
            for (Change c : changes) {
                ApprovalState s = c.to();
                Timestamp at = Timestamp.valueOf(s.changedAt());
                int n = jdbc.update(
                        sql("update_state"),
                        s.state(),
                        s.changedBy(),
                        at,
                        s.comment(),
                        s.workflow(),
                        s.unitCode(),
                        s.period());
                if (n == 0) {
                    jdbc.update(
                            sql("insert_state"),
                            s.workflow(),
                            s.unitCode(),
                            s.period(),
                            s.state(),
                            s.changedBy(),
                            at,
                            s.comment());
                }
                jdbc.update(
                        sql("insert_audit"),
                        ++seq,
                        s.workflow(),
                        s.unitCode(),
                        s.period(),
                        c.action(),
                        c.fromState(),
                        s.state(),
                        s.changedBy(),
                        at,
                        s.comment());
            }
        });
    }

    /** A statement of warehouse/approvals/ (run on the job repository, not on DuckDB). */
    private static String sql(String name) {
        return org.mizan.duckdb.SqlFiles.statements(org.mizan.duckdb.SqlFiles.text("approvals/" + name + ".sql"))
                .get(0);
    }
}
