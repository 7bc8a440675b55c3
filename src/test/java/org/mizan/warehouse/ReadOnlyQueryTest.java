package org.mizan.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which statements a planner's query may run. */
class ReadOnlyQueryTest {

    @Test
    void readingStatementsPassAndEverythingElseIsRefusedWithAReason() {
        assertThat(ReadOnlyQuery.refusal("select 1")).isNull();
        assertThat(ReadOnlyQuery.refusal("  WITH x AS (select 1) select * from x;"))
                .isNull();
        assertThat(ReadOnlyQuery.refusal("-- my note\nsummarize remittance_transactions"))
                .isNull();
        assertThat(ReadOnlyQuery.refusal("describe admin_units")).isNull();
        assertThat(ReadOnlyQuery.refusal("delete from admin_units"))
                .isEqualTo(
                        "query is read-only: 'delete' statements are refused (use select, with, describe, show, summarize)");
        assertThat(ReadOnlyQuery.refusal("select 1; delete from admin_units"))
                .isEqualTo("query runs one statement at a time: remove the ';' inside it");
        assertThat(ReadOnlyQuery.refusal("install httpfs")).startsWith("query is read-only: 'install'");
    }
}
