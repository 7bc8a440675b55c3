package org.mizan.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mizan.PostgresTestSchema;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The approval tables on a real PostgreSQL (a shared job repository): created once, states replaced, audit only appended. */
class ApprovalStorePostgresIT {

    private PostgresTestSchema schema;

    @AfterEach
    void drop() throws Exception {
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void statesAreReplacedAndTheAuditOnlyGrows() {
        // given a schema of its own, and the store created twice (a second node starting: create if not exists)
        schema = PostgresTestSchema.create("approvals", getClass().getSimpleName());
        DriverManagerDataSource ds =
                new DriverManagerDataSource(PostgresTestSchema.URL + "?currentSchema=" + schema.name(), "postgres", "");
        new ApprovalStore(ds, new DataSourceTransactionManager(ds));
        ApprovalStore store = new ApprovalStore(ds, new DataSourceTransactionManager(ds));
        LocalDateTime t1 = LocalDateTime.of(2025, 1, 10, 9, 0);
        LocalDateTime t2 = LocalDateTime.of(2025, 1, 11, 9, 0);

        // when a municipality is approved, then reopened with a reason
        store.apply(List.of(new ApprovalStore.Change(
                new ApprovalState("w", "NP-P1-D1-M1", "2024", "approved", "asha", t1, "checked"),
                "approve",
                "unapproved")));
        store.apply(List.of(new ApprovalStore.Change(
                new ApprovalState("w", "NP-P1-D1-M1", "2024", "unapproved", "planner", t2, "provider corrected March"),
                "reopen",
                "approved")));

        // then one state row, the latest, and two audit rows in order
        assertThat(store.states("w", "2024").values())
                .containsExactly(new ApprovalState(
                        "w", "NP-P1-D1-M1", "2024", "unapproved", "planner", t2, "provider corrected March"));
        assertThat(store.audit("w", null, "2024"))
                .containsExactly(
                        new AuditEntry(
                                1,
                                "w",
                                "NP-P1-D1-M1",
                                "2024",
                                "approve",
                                "unapproved",
                                "approved",
                                "asha",
                                t1,
                                "checked"),
                        new AuditEntry(
                                2,
                                "w",
                                "NP-P1-D1-M1",
                                "2024",
                                "reopen",
                                "approved",
                                "unapproved",
                                "planner",
                                t2,
                                "provider corrected March"));
        assertThat(store.audit("w", "NP-P1", "2024")).isEmpty();
        assertThat(store.states("w", "2023")).isEmpty();
    }
}
