package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An IATI file with broken transactions (fixtures/ledgers/iati_broken_transactions.xml): each one without a type,
 * date or value is quarantined with its activity id and reason, the rest of its activity is loaded; unknown
 * elements are skipped; an activity without identifier, or repeating an earlier one's, is left out whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IatiBadInputIT {

    private final MizanCli cli = MizanCli.inTempHome("iati-bad");
    private MizanCli.Result run;

    @BeforeAll
    void load() {
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        run = cli.load("ingest-ledgers", "ledgers/iati_broken_transactions.xml");
    }

    @Test
    void brokenTransactionsAreRejectedWithTheActivityIdAndTheRestIsKept() throws Exception {
        // activity 1: project, 2 sectors, 1 place, 2 of 5 transactions; activity 2 rejected whole
        assertThat(run.out())
                .contains(
                        "3 activities read: 1 project, 2 project sectors, 1 project place, 2 funding entries stored, 5 rejected")
                .contains("rejected by rule: duplicate_in_file 1, required 4");
        String quarantine = run.out()
                .lines()
                .filter(l -> l.strip().startsWith("quarantine:"))
                .findFirst()
                .orElseThrow()
                .replaceFirst(".*quarantine: ", "")
                .strip();
        List<String> lines = Files.readAllLines(Path.of(quarantine));
        assertThat(lines).hasSize(6);
        assertThat(lines.get(1))
                .startsWith("iati_broken_transactions.xml,23,required,")
                .contains("activity NP-MOFA-RERP-01, transaction 2 (line 23): no transaction-type code");
        assertThat(lines.get(2))
                .contains(",27,required,")
                .contains("activity NP-MOFA-RERP-01, transaction 3 (line 27): no transaction-date");
        assertThat(lines.get(3))
                .contains(",31,required,")
                .contains("activity NP-MOFA-RERP-01, transaction 4 (line 31): no value");
        assertThat(lines.get(4)).contains(",43,required,").contains("has no iati-identifier");
        assertThat(lines.get(5))
                .contains(",47,duplicate_in_file,")
                .contains("activity NP-MOFA-RERP-01 is already on line 4 of this file");
    }

    @Test
    void theKeptTransactionsAreSplitBySectorAndPlacedAtTheCommonUnitOfTheLocations() {
        // two municipalities of Dhankuta District: the activity sits at the district
        assertThat(cli.query(
                                "select place_kind, unit_code, share_pct from project_places where project_id = 'NP-MOFA-RERP-01'")
                        .toString())
                .isEqualTo("[[unit, NP-P1-DHA, 100.0000]]");
        // the NPR commitment split 60/40 by sector; the USD disbursement names its own sector, so it is not split
        assertThat(cli.query(
                                "select entry_id, sector_code, unit_code, amount, currency, funder_type from project_funding"
                                        + " where project_id = 'NP-MOFA-RERP-01' order by entry_id, sector_code")
                        .toString())
                .isEqualTo("[[T1, 16020, NP-P1-DHA, 600000.0000, NPR, national_government],"
                        + " [T1, 31120, NP-P1-DHA, 400000.0000, NPR, national_government],"
                        + " [T5, 25030, NP-P1-DHA, 2500.5000, USD, national_government]]");
        assertThat(cli.query("select title, reporting_org, initiative_level, status, start_on from projects"
                                + " where project_id = 'NP-MOFA-RERP-01'")
                        .toString())
                .isEqualTo(
                        "[[Returnee Enterprise and Reintegration Programme, Ministry of Finance, Nepal, national, implementation, 2023-07-16]]");
    }
}
