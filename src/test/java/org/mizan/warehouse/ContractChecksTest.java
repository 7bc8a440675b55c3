package org.mizan.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a contract file is read into its checks, and how a scoped version replaces some of them by name. */
class ContractChecksTest {

    private static final String CONTRACT = """
            -- Contract of v.
            -- check: a is never null
            select * from v
            where a is null;
            -- check: b is positive
            select * from v where b <= 0;
            -- check: c is known
            select * from v where c not in (select c from cs);
            """;

    @Test
    void aScopedCheckReplacesTheCheckOfItsNameAndTheOthersRunAsWritten() {
        String scoped = """
                -- Scoped: only the touched months.
                -- check: b is positive
                select * from v where period in ('2024-01') and b <= 0;
                """;
        Map<String, String> checks = Contracts.checks("v.sql", CONTRACT, scoped);
        assertThat(List.copyOf(checks.keySet())).containsExactly("a is never null", "b is positive", "c is known");
        assertThat(List.copyOf(checks.values()))
                .containsExactly(
                        "select * from v\nwhere a is null",
                        "select * from v where period in ('2024-01') and b <= 0",
                        "select * from v where c not in (select c from cs)");
        assertThat(Contracts.checks("v.sql", CONTRACT, null).get("b is positive"))
                .isEqualTo("select * from v where b <= 0");
    }

    @Test
    void aScopedCheckOfANameTheContractDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> Contracts.checks("v.sql", CONTRACT, "-- check: d is even\nselect 1;\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("warehouse/contracts/by_period/v.sql: check 'd is even' is not one of v.sql's: a scoped"
                        + " check replaces the check of the same name");
    }

    @Test
    void aStatementWithoutACheckLineOfItsOwnIsRefused() {
        assertThatThrownBy(() -> Contracts.checks("v.sql", "-- check: a\nselect 1;\nselect 2;\n", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("warehouse/contracts/v.sql: each statement needs a '-- check: <rule>' line of its own"
                        + " before it");
        assertThatThrownBy(() -> Contracts.checks("v.sql", "-- check: a\nselect 1;\n-- check: a\nselect 2;\n", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("warehouse/contracts/v.sql: each statement needs a '-- check: <rule>' line of its own"
                        + " before it ('a' twice)");
    }
}
