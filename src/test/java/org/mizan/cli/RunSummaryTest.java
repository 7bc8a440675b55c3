package org.mizan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run summary's counts in a steward's words: what was read, what each dataset stored, what was rejected. */
class RunSummaryTest {

    @Test
    void aWideFileSaysItsLinesMadeMoreRecordsThanLines() {
        // given the World Bank's corridor export: one line per corridor, one record per quarter's cell
        Map<String, Object> ctx = ctx(5328, "lines", 10417, 0);
        ctx.put("stored.corridor_costs", 10417L);
        ctx.put("skipped_lines", 5L);

        // then
        assertThat(RunSummary.readLine(ctx, 0))
                .isEqualTo("5328 lines read: 10417 corridor costs stored, 0 rejected; 5 blank or footer lines skipped");
    }

    @Test
    void anIatiFileCountsEveryDatasetItStored() {
        // given
        Map<String, Object> ctx = ctx(100, "activities", 600, 0);
        ctx.put("stored.projects", 100L);
        ctx.put("stored.project_sectors", 214L);
        ctx.put("stored.project_places", 0L);
        ctx.put("stored.funding_entries", 286L);

        // then: a dataset with nothing stored is not named
        assertThat(RunSummary.readLine(ctx, 0))
                .isEqualTo(
                        "100 activities read: 100 projects, 214 project sectors, 286 funding entries stored, 0 rejected");
    }

    @Test
    void oneOfEachIsSingularAndNothingStoredSaysSo() {
        Map<String, Object> one = ctx(1, "records", 1, 0);
        one.put("stored.registry_people", 1L);
        assertThat(RunSummary.readLine(one, 0)).isEqualTo("1 record read: 1 person stored, 0 rejected");

        Map<String, Object> none = ctx(3, "rows", 0, 3);
        none.put("stored.remittance_transactions", 0L);
        assertThat(RunSummary.readLine(none, 0)).isEqualTo("3 rows read: nothing stored, 3 rejected");
    }

    private static Map<String, Object> ctx(long read, String as, long accepted, long rejected) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("source_rows", read);
        ctx.put("read_as", as);
        ctx.put("accepted", accepted);
        ctx.put("rejected", rejected);
        return ctx;
    }
}
