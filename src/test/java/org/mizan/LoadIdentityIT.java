package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A delivered file is identified by the path the steward gave and its content, not by its base name: two files of
 * one name in two folders, or two names that read alike, are two loads; the same path again replaces its load and
 * says so; the same content under another path is refused rather than counted twice.
 */
class LoadIdentityIT {

    private static final String HEADER =
            "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel";

    private static List<String> rows(String provider, String prefix, int n) {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= n; i++) {
            lines.add(String.format(
                    "%s-%04d,%s,2024-03-%02dT10:00:00+03:00,QA,NP-P1-DHA-M01,100.00,QAR,2.00,,mto",
                    prefix, i, provider, 1 + i % 28));
        }
        return lines;
    }

    private static Path deliver(Path dir, String name, List<String> lines) throws IOException {
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private MizanCli cli;

    /** A home with the gazetteer loaded once, copied for each test. */
    private static MizanCli gazetteer;

    @org.junit.jupiter.api.BeforeAll
    static void loadGazetteer() {
        gazetteer = MizanCli.inTempHome("identity-gazetteer");
        gazetteer.load("load-gazetteer", "gazetteer/admin_units.csv");
    }

    @Test
    void twoFilesOfOneNameAreTwoLoadsAndOnlyTheSamePathReplaces() throws IOException {
        cli = gazetteer.copy("identity");
        Path inbox = MizanCli.tempDir("identity-inbox");
        // given march.csv from two providers in two folders
        Path p1 = deliver(inbox.resolve("p1"), "march.csv", rows("MTO-001", "A", 100));
        Path p2 = deliver(inbox.resolve("p2"), "march.csv", rows("MTO-002", "B", 50));
        // when both are loaded
        assertThat(cli.run("run", "ingest-remittances", "file=" + p1).code()).isZero();
        MizanCli.Result second = cli.run("run", "ingest-remittances", "file=" + p2);
        // then both providers' rows are there, and the second load replaced nothing
        assertThat(second.code()).isZero();
        assertThat(second.out()).doesNotContain("replaces");
        assertThat(perProvider()).isEqualTo("MTO-001 100, MTO-002 50");

        // given two names that the lake's file names would once have made alike
        assertThat(cli.run("run", "ingest-remittances", "file=" + deliver(inbox, "a b.csv", rows("MTO-003", "C", 30)))
                        .code())
                .isZero();
        assertThat(cli.run("run", "ingest-remittances", "file=" + deliver(inbox, "a_b.csv", rows("MTO-003", "D", 20)))
                        .code())
                .isZero();
        // then both are kept
        assertThat(perProvider()).isEqualTo("MTO-001 100, MTO-002 50, MTO-003 50");

        // when p1/march.csv is delivered again, corrected (99 rows)
        deliver(inbox.resolve("p1"), "march.csv", rows("MTO-001", "A", 99));
        MizanCli.Result again = cli.run("run", "ingest-remittances", "file=" + p1);
        // then it replaces its own earlier load, says which, and leaves p2's alone
        assertThat(again.code()).isZero();
        assertThat(again.out())
                .containsPattern(
                        "  replaces the earlier load of " + java.util.regex.Pattern.quote(p1.toString())
                                + " \\(run \\d+, [0-9-]+ [0-9:]+, SHA-256 [0-9a-f]{12}…\\): new content, SHA-256 [0-9a-f]{12}…");
        assertThat(perProvider()).isEqualTo("MTO-001 99, MTO-002 50, MTO-003 50");

        // when p2's exact bytes come in again under another folder
        Path copy = Files.copy(p2, Files.createDirectories(inbox.resolve("p3")).resolve("march.csv"));
        MizanCli.Result dup = cli.run("run", "ingest-remittances", "file=" + copy);
        // then the load fails, naming the load it repeats, and nothing changed
        assertThat(dup.code()).isEqualTo(1);
        assertThat(dup.out())
                .contains("FAILED: " + copy + ": has exactly the content of " + p2 + " (run ")
                .contains("deliver the file again under its own path, " + p2);
        assertThat(perProvider()).isEqualTo("MTO-001 99, MTO-002 50, MTO-003 50");
    }

    /** An IATI file holding activity XX-S (one sector, one country, the given USD commitments) and its own XX-{own}. */
    private static List<String> iati(String own, String sector, String country, int... amounts) {
        StringBuilder txns = new StringBuilder();
        for (int a : amounts) {
            txns.append("<transaction><transaction-type code=\"2\"/><transaction-date iso-date=\"2024-03-10\"/>"
                    + "<value currency=\"USD\" value-date=\"2024-03-10\">" + a + "</value></transaction>");
        }
        String shared = "<iati-activity default-currency=\"USD\"><iati-identifier>XX-S</iati-identifier>"
                + "<reporting-org ref=\"XX\" type=\"40\"><narrative>Org</narrative></reporting-org>"
                + "<title><narrative>Shared " + own + "</narrative></title><activity-status code=\"2\"/>"
                + "<recipient-country code=\"" + country + "\" percentage=\"100\"/>"
                + "<sector vocabulary=\"1\" code=\"" + sector + "\" percentage=\"100\"/>" + txns + "</iati-activity>";
        String mine = "<iati-activity default-currency=\"USD\"><iati-identifier>XX-" + own + "</iati-identifier>"
                + "<reporting-org ref=\"XX\" type=\"40\"><narrative>Org</narrative></reporting-org>"
                + "<title><narrative>Own " + own + "</narrative></title><activity-status code=\"2\"/>"
                + "<recipient-country code=\"NP\" percentage=\"100\"/>"
                + "<transaction><transaction-type code=\"2\"/><transaction-date iso-date=\"2024-03-10\"/>"
                + "<value currency=\"USD\" value-date=\"2024-03-10\">10</value></transaction></iati-activity>";
        return List.of(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<iati-activities version=\"2.03\">",
                shared,
                mine,
                "</iati-activities>");
    }

    @Test
    void twoLedgerFilesOfOneNameDoNotMixTheirActivities() throws IOException {
        cli = gazetteer.copy("identity-iati");
        Path inbox = MizanCli.tempDir("identity-iati-inbox");
        // given activities.xml in two folders, both reporting activity XX-S, each differently
        Path p1 = deliver(inbox.resolve("p1"), "activities.xml", iati("P1", "16020", "NP", 1000, 2000));
        Path p2 = deliver(inbox.resolve("p2"), "activities.xml", iati("P2", "31120", "TJ", 500));
        // when both are loaded
        assertThat(cli.run("run", "ingest-ledgers", "file=" + p1).code()).isZero();
        assertThat(cli.run("run", "ingest-ledgers", "file=" + p2).code()).isZero();
        // then XX-S is taken whole from one file (of two files of one name, the last unit of load), its
        // transactions, sector and place from that file only; each file's own activity is there
        boolean p1Wins = org.mizan.lake.Lake.unitOf(p1).compareTo(org.mizan.lake.Lake.unitOf(p2)) > 0;
        assertThat(cli.query("select project_id, title from projects order by 1")
                        .toString())
                .isEqualTo("[[XX-P1, Own P1], [XX-P2, Own P2], [XX-S, Shared " + (p1Wins ? "P1" : "P2") + "]]");
        assertThat(cli.query("select entry_id, unit_code, sector_code, amount_usd from project_funding"
                                + " where project_id = 'XX-S' order by entry_id")
                        .toString())
                .isEqualTo(
                        p1Wins
                                ? "[[T1, NP, 16020, 1000.0000], [T2, NP, 16020, 2000.0000]]"
                                : "[[T1, TJ, 31120, 500.0000]]");
        assertThat(cli.query("select project_id, sector_code from project_sectors order by 1, 2")
                        .toString())
                .isEqualTo(p1Wins ? "[[XX-S, 16020]]" : "[[XX-S, 31120]]");
        assertThat(cli.query("select project_id, unit_code from project_places order by 1, 2")
                        .toString())
                .isEqualTo("[[XX-P1, NP], [XX-P2, NP], [XX-S, " + (p1Wins ? "NP" : "TJ") + "]]");
    }

    private String perProvider() {
        return cli.value("select string_agg(provider_id || ' ' || n, ', ' order by provider_id)"
                + " from (select provider_id, count(*) as n from remittance_transactions group by provider_id)");
    }
}
