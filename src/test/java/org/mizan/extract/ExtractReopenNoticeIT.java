package org.mizan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mizan.MizanCli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reopened and reloaded period shows in the next extract's change notice even when its values came back the same
 * (issue 17): on the golden world (fixtures/world), the East (NP-P1) approved for 2024, version 1 of both regions'
 * extracts, then March's remittances rerun with {@code --reopen}: the East's next extract is version 2 with no
 * changed cell and the three reopens (unit, period, when, who, why, values changed: no) in its manifest and About
 * sheet; the West, with no reopen and no change, gets no new release.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractReopenNoticeIT {

    private static final String HASH = "$2a$10$" + "a".repeat(53);
    private static final String REASON = "rerun: provider resent March";
    private final MizanCli cli = MizanCli.goldenWorld("reopen-notice");

    @BeforeAll
    void load() throws Exception {
        Files.writeString(cli.home().resolve("dashboard-users.yml"), """
                users:
                  - {name: asha, password: "%1$s", role: regional, region: NP-P1, approver: NP-P1-D1-M1}
                  - {name: bhanu, password: "%1$s", role: regional, region: NP-P1, approver: NP-P1-D1-M2}
                  - {name: koshi, password: "%1$s", role: regional, region: NP-P1, approver: NP-P1}
                  - {name: planner, password: "%1$s", role: national, approver: NP}
                """.formatted(HASH));
    }

    private MizanCli.Result ok(String... args) {
        MizanCli.Result r = cli.run(args);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return r;
    }

    private void approve(String user, String unit) {
        ok("approve", "--workflow", "local-reporting", "--unit", unit, "--period", "2024", "--user", user);
    }

    @Test
    void aReopenAloneGivesANewReleaseListingItAndOnlyInItsRegion() throws Exception {
        // given the East approved for 2024, and version 1 of both regions' 2024 extracts
        approve("asha", "NP-P1-D1-M1");
        approve("bhanu", "NP-P1-D1-M2");
        approve("koshi", "NP-P1-D1-M3");
        approve("koshi", "NP-P1");
        ok("run", "extract-region", "region=NP-P1", "period=2024");
        ok("run", "extract-region", "region=NP-P2", "period=2024");
        Path east = cli.home().resolve("extracts/NP-P1/2024");
        Path west = cli.home().resolve("extracts/NP-P2/2024");
        assertThat(manifest(east.resolve("v1"))
                        .get("approval")
                        .get("approval_status")
                        .asString())
                .isEqualTo("approved");

        // when March's remittances are rerun from the same file, reopening what they cover
        MizanCli.Result rerun = ok(
                "rerun",
                "--job",
                "ingest-remittances",
                "--source",
                "WMT-001",
                "--period",
                "2024-03",
                "--reopen",
                REASON,
                "--user",
                "planner");
        assertThat(rerun.out()).contains("""
                reopened (unapproved): local-reporting NP-P1-D1-M1 2024 — "rerun: provider resent March"
                reopened (unapproved): local-reporting NP-P1 2024 — "rerun: provider resent March"
                reopened (unapproved): local-reporting NP-P1-D1-M2 2024 — "rerun: provider resent March"
                """);

        // then the East's next extract is version 2: no cell changed, the three reopens listed
        ok("run", "extract-region", "region=NP-P1", "period=2024");
        Path v2 = east.resolve("v2");
        assertThat(Files.readAllLines(v2.resolve("CHANGES.csv"))).containsExactly("view,key,column,before,after");
        JsonNode m = manifest(v2);
        assertThat(m.get("changed_cells").asInt()).isZero();
        assertThat(m.get("approval").get("approval_status").asString()).isEqualTo("unapproved");
        JsonNode reopened = m.get("reopened");
        assertThat(reopened.size()).isEqualTo(3);
        // (each reopen's time as the audit trail has it, in UTC)
        String m1 = reopenedAt("NP-P1-D1-M1");
        String p1 = reopenedAt("NP-P1");
        String m2 = reopenedAt("NP-P1-D1-M2");
        List<String> entries = new ArrayList<>();
        for (JsonNode r : reopened) {
            entries.add(String.join(
                    "|",
                    r.get("unit_code").asString(),
                    r.get("period").asString(),
                    r.get("workflow").asString(),
                    r.get("reopened_at").asString(),
                    r.get("reopened_by").asString(),
                    r.get("reason").asString(),
                    r.get("values_changed").asString()));
        }
        assertThat(entries)
                .containsExactly(
                        "NP-P1-D1-M1|2024|local-reporting|" + m1 + "|planner|" + REASON + "|false",
                        "NP-P1|2024|local-reporting|" + p1 + "|planner|" + REASON + "|false",
                        "NP-P1-D1-M2|2024|local-reporting|" + m2 + "|planner|" + REASON + "|false");
        // and the workbook's About sheet says the same in one line
        assertThat(about(v2.resolve("NP-P1_2024.xlsx"), "reopened"))
                .isEqualTo("NP-P1-D1-M1 2024 (local-reporting) reopened at " + m1 + " by planner: \"" + REASON
                        + "\"; NP-P1 2024 (local-reporting) reopened at " + p1 + " by planner: \"" + REASON
                        + "\"; NP-P1-D1-M2 2024 (local-reporting) reopened at " + m2 + " by planner: \"" + REASON
                        + "\" — values changed since version 1: no");

        // and the West, whose units were not reopened and whose values did not change, gets no new release
        ok("run", "extract-region", "region=NP-P2", "period=2024");
        assertThat(Files.exists(west.resolve("v2"))).isFalse();
        // and a reopen is noticed once: the East's next run, with nothing new, makes no version 3
        ok("run", "extract-region", "region=NP-P1", "period=2024");
        assertThat(Files.exists(east.resolve("v3"))).isFalse();
        // and version 1's manifest lists no reopen (a first release has no change notice)
        assertThat(manifest(east.resolve("v1")).has("reopened")).isFalse();
        assertThat(about(east.resolve("v1/NP-P1_2024.xlsx"), "reopened")).isNull();
    }

    /** When the audit trail ({@code mizan approvals}) says the unit's 2024 approval was reopened, as an instant. */
    private String reopenedAt(String unit) {
        String audit = ok("approvals", "--unit", unit, "--period", "2024").out();
        Matcher m = Pattern.compile("#\\d+ reopen " + Pattern.quote(unit)
                        + ": approved -> unapproved by planner at (\\S+) \"" + Pattern.quote(REASON) + "\"\n")
                .matcher(audit);
        assertThat(m.find()).as(audit).isTrue();
        return m.group(1) + "Z";
    }

    private static JsonNode manifest(Path release) {
        return JsonMapper.builder()
                .build()
                .readTree(release.resolve("manifest.json").toFile());
    }

    /** The About sheet's value for a key, or null when it has no such line. */
    private static String about(Path xlsx, String key) throws Exception {
        try (InputStream in = Files.newInputStream(xlsx);
                Workbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("About");
            for (Row r : s) {
                if (r.getCell(0) != null && key.equals(r.getCell(0).getStringCellValue())) {
                    return r.getCell(1).getStringCellValue();
                }
            }
            return null;
        }
    }
}
