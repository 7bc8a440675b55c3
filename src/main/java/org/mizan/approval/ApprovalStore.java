package org.mizan.approval;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
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
        for (ApprovalState s : jdbc.query("select * from mizan_approval where workflow = ? and period = ? order by unit_code",
                (rs, i) -> state(rs), workflow, period)) {
            out.put(s.unitCode(), s);
        }
        return out;
    }

    /** Every state recorded, approved or not. */
    public List<ApprovalState> all() {
        return jdbc.query("select * from mizan_approval order by workflow, period, unit_code", (rs, i) -> state(rs));
    }

    /** The audit trail of a workflow and period, oldest first (every unit when {@code unit} is null). */
    public List<AuditEntry> audit(String workflow, String unit, String period) {
        return jdbc.query("select * from mizan_approval_audit where workflow = ? and period = ? and (? is null or unit_code = ?) order by seq",
                (rs, i) -> new AuditEntry(rs.getLong("seq"), rs.getString("workflow"), rs.getString("unit_code"), rs.getString("period"),
                        rs.getString("action"), rs.getString("from_state"), rs.getString("to_state"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toLocalDateTime(), rs.getString("comment")),
                workflow, period, unit, unit);
    }

    /** One transition to record: the new state of a unit, and the action that led to it. */
    public record Change(ApprovalState to, String action, String fromState) {
    }

    /** Applies the changes and appends their audit rows, all or none. */
    public void apply(List<Change> changes) {
        tx.executeWithoutResult(status -> {
            long seq = jdbc.queryForObject("select coalesce(max(seq), 0) from mizan_approval_audit", Long.class);
            for (Change c : changes) {
                ApprovalState s = c.to();
                Timestamp at = Timestamp.valueOf(s.changedAt());
                int n = jdbc.update("update mizan_approval set state = ?, changed_by = ?, changed_at = ?, comment = ?"
                        + " where workflow = ? and unit_code = ? and period = ?",
                        s.state(), s.changedBy(), at, s.comment(), s.workflow(), s.unitCode(), s.period());
                if (n == 0) {
                    jdbc.update("insert into mizan_approval (workflow, unit_code, period, state, changed_by, changed_at, comment)"
                            + " values (?, ?, ?, ?, ?, ?, ?)", s.workflow(), s.unitCode(), s.period(), s.state(), s.changedBy(), at, s.comment());
                }
                jdbc.update("insert into mizan_approval_audit (seq, workflow, unit_code, period, action, from_state, to_state,"
                        + " changed_by, changed_at, comment) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        ++seq, s.workflow(), s.unitCode(), s.period(), c.action(), c.fromState(), s.state(), s.changedBy(), at, s.comment());
            }
        });
    }

    private static ApprovalState state(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ApprovalState(rs.getString("workflow"), rs.getString("unit_code"), rs.getString("period"), rs.getString("state"),
                rs.getString("changed_by"), rs.getTimestamp("changed_at").toLocalDateTime(), rs.getString("comment"));
    }
}
