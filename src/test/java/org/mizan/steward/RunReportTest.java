package org.mizan.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The run report is written into a step's context and read back from it under the same keys. */
class RunReportTest {

    @Test
    void aReportWrittenIsTheReportRead() {
        // given
        RunReport report = new RunReport(
                152L,
                137,
                15,
                4,
                "lines",
                "/q/run-1.csv",
                Map.of("unknown_unit", 10L, "bad_amount", 5L),
                Map.of("remittance_transactions", 137L));
        ExecutionContext ctx = new ExecutionContext();

        // when
        report.writeTo(ctx);

        // then: the keys the job repository keeps, and the same report read back
        assertThat(ctx.getLong("source_rows")).isEqualTo(152);
        assertThat(ctx.getLong("accepted")).isEqualTo(137);
        assertThat(ctx.getLong("rejected")).isEqualTo(15);
        assertThat(ctx.getLong("outside_partition")).isEqualTo(4);
        assertThat(ctx.getLong("stored.remittance_transactions")).isEqualTo(137);
        assertThat(ctx.getLong("rule.unknown_unit")).isEqualTo(10);
        assertThat(ctx.getString("quarantine")).isEqualTo("/q/run-1.csv");
        assertThat(ctx.getString("read_as")).isEqualTo("lines");
        assertThat(RunReport.read(ctx.toMap())).isEqualTo(report);
        assertThat(RunReport.read(ctx.toMap()).rejectsByRule().keySet()).containsExactly("bad_amount", "unknown_unit");
    }

    @Test
    void whatAStepDidNotReportIsLeftOut() {
        // given: nothing outside the partition, no quarantine, no word for the items, no source row count
        ExecutionContext ctx = new ExecutionContext();
        new RunReport(null, 3, 0, 0, null, null, Map.of(), Map.of()).writeTo(ctx);

        // then
        assertThat(ctx.toMap()).containsOnlyKeys("accepted", "rejected");
        RunReport read = RunReport.read(ctx.toMap());
        assertThat(read.sourceRows()).isNull();
        assertThat(read.quarantine()).isNull();
        assertThat(read.accepted()).isEqualTo(3);
        assertThat(RunReport.read(Map.of())).isEqualTo(RunReport.NONE);
    }

    @Test
    void theRecordsReplacedAreReadFromThePublishStepInDatasetOrder() {
        ExecutionContext publish = new ExecutionContext();
        RunReport.putReplaced(publish, org.mizan.lake.Dataset.FUNDING_ENTRIES, 186);
        RunReport.putReplaced(publish, org.mizan.lake.Dataset.PROJECTS, 100);

        assertThat(RunReport.replaced(publish.toMap()))
                .containsExactly(Map.entry("projects", 100L), Map.entry("funding_entries", 186L));
    }
}
