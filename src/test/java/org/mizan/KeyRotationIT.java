package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code rotate-key}: every stored person_id changes, every link between records stays, new loads still link. */
class KeyRotationIT {

    /**
     * A home with every registry fixture loaded (PseudonymisationIT.loadAll), loaded once in this JVM (the one
     * PseudonymisationIT scans) and copied per test.
     */
    private static MizanCli loaded;

    @org.junit.jupiter.api.BeforeAll
    static void loadOnce() {
        loaded = PseudonymisationIT.loaded().cli();
    }

    @Test
    void aRotationRekeysEveryPartitionAndKeepsEveryLink() throws Exception {
        MizanCli cli = loaded.copy("rotate");
        Map<String, String> before = personIdsByRecord(cli);
        String coverageBefore =
                cli.query("select * from reintegration_coverage order by all").toString();
        String countsBefore = counts(cli);
        assertThat(before).hasSize(17 + 11);

        MizanCli.Result r = cli.run("rotate-key");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("rotated: key version 1 -> 2, ")
                .contains("28 person_ids re-keyed; warehouse rebuilt");
        assertThat(Files.readAllLines(cli.home().resolve("keys/pseudonym.keys")).stream()
                        .filter(l -> l.matches("\\d+ .*"))
                        .count())
                .isEqualTo(2);

        Map<String, String> after = personIdsByRecord(cli);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        // every person_id changed …
        for (String record : before.keySet()) {
            assertThat(after.get(record))
                    .as(record)
                    .isNotEqualTo(before.get(record))
                    .hasSize(64);
        }
        // … and the records that shared one still share one, and no others do
        assertThat(groups(after)).isEqualTo(groups(before));
        assertThat(cli.query("select * from reintegration_coverage order by all")
                        .toString())
                .isEqualTo(coverageBefore);
        assertThat(counts(cli)).isEqualTo(countsBefore);
        assertThat(cli.value("select count(*) from fct_registry_people where key_version <> 2"))
                .isEqualTo("0");
        assertThat(cli.value("select count(*) from fct_service_deliveries where key_version <> 2"))
                .isEqualTo("0");
        // the older warehouse builds, which held the old person_ids, are gone
        try (var s = Files.list(cli.home().resolve("warehouse"))) {
            assertThat(s.filter(p -> p.getFileName().toString().matches("mizan-.*\\.duckdb"))
                            .count())
                    .isEqualTo(1);
        }

        // a load after the rotation links to what was stored before it: Daler Karimov (passport A1234567) again
        Path feed = MizanCli.tempDir("rotate").resolve("dhankuta_services_2024-04.csv");
        Files.writeString(
                feed,
                "Service No,Office Code,Service,Beneficiary Citizenship No,Beneficiary Record No,Category,Date,Amount,Currency,Provider\n"
                        + "S-20,NP-P1-DHA-M01,job_placement,A 1234567,,returnee,2024-04-02,,,MRC Dhankuta\n"
                        + "S-21,NP-P1-DHA-M01,job_placement,,3,returnee,2024-04-03,,,MRC Dhankuta\n");
        assertThat(cli.run("run", "ingest-registries", "file=" + feed, "mapping=registries/dhankuta-services")
                        .code())
                .isZero();
        assertThat(cli.value("select count(*) from service_deliveries s join fct_registry_people p using (person_id)"
                        + " where s.service_id = 'S-20' and p.source_file = 'rudaki_migrants_2024.csv'"))
                .isEqualTo("2");
        // by record number 3 of Dhankuta: Hari Prasad Shrestha, who got S-1 before the rotation
        assertThat(cli.value("select count(*) from service_deliveries a join service_deliveries b using (person_id)"
                        + " where a.service_id = 'S-21' and b.service_id = 'S-1'"))
                .isEqualTo("1");

        // a second rotation works on top of the first
        assertThat(cli.run("rotate-key").out()).contains("key version 2 -> 3");
        assertThat(groups(personIdsByRecord(cli)).size())
                .isEqualTo(groups(after).size());
    }

    @Test
    void aRotationCutShortAfterItsJournalIsFinishedByTheNextOne() throws Exception {
        MizanCli cli = loaded.copy("rotate-crash");
        Map<String, String> before = personIdsByRecord(cli);
        // a crash right after the journal: the lake is untouched, the new chain waits beside the old one
        new org.mizan.pseudonym.KeyRotation(new org.mizan.config.MizanHome(cli.home())).prepareOnly();
        assertThat(cli.home().resolve("keys/rotation.journal")).exists();
        assertThat(cli.home().resolve("keys/pseudonym.keys.next")).exists();
        // no registry load runs on a chain the lake is about to leave
        MizanCli.Result refused = cli.run(
                "run",
                "ingest-registries",
                "file=" + MizanCli.FIXTURES.resolve("registries/dhankuta_services_2024.csv"),
                "mapping=registries/dhankuta-services");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.out())
                .contains(
                        "a key rotation was cut short: run ./mizan rotate-key to finish it before loading registries");
        MizanCli.Result r = cli.run("rotate-key");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("finished an interrupted rotation: key version 1 -> 2");
        assertThat(cli.home().resolve("keys/rotation.journal")).doesNotExist();
        Map<String, String> after = personIdsByRecord(cli);
        assertThat(groups(after)).isEqualTo(groups(before));
        assertThat(after.values()).doesNotContainAnyElementsOf(before.values());
        assertThat(cli.run(
                                "run",
                                "ingest-registries",
                                "file=" + MizanCli.FIXTURES.resolve("registries/dhankuta_services_2024.csv"),
                                "mapping=registries/dhankuta-services")
                        .code())
                .isZero();
        // S-1 after the rotation names Hari Prasad Shrestha by citizenship number: the person of his registry record 3
        assertThat(cli.value("select count(*) from service_deliveries s join fct_registry_people p using (person_id)"
                        + " where s.service_id = 'S-1' and p.record_id = '3'"))
                .isEqualTo("1");
    }

    @Test
    void aRotationWaitsForAFailedRunsStagedRows() throws Exception {
        MizanCli cli = MizanCli.inTempHome("rotate-staged");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("ingest-registries", "registries/dhankuta_people_2024.csv", "mapping=registries/dhankuta-people");
        // what a run that failed after its ingest step leaves for a rerun: rows hashed with the current key
        Path staged = cli.home().resolve("lake/_staging/ingest-registries-7/period=2024/source=X/x.parquet");
        Files.createDirectories(staged.getParent());
        Files.write(staged, new byte[] {'P', 'A', 'R', '1'});
        MizanCli.Result r = cli.run("rotate-key");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .contains("registry runs [ingest-registries-7] have rows staged under the current key")
                .contains("rerun or abandon them first");
        assertThat(Files.readAllLines(cli.home().resolve("keys/pseudonym.keys")).stream()
                        .filter(l -> l.matches("\\d+ .*"))
                        .count())
                .isEqualTo(1);
        // the refused rotation leaves no mark behind: loads go on
        assertThat(cli.home().resolve("keys/rotation.pending")).doesNotExist();
        Files.delete(staged);
        // a rotation under way (or killed before its journal) holds registry loads back until rotate-key is done
        Files.writeString(cli.home().resolve("keys/rotation.pending"), "rotate-key pid 1\n");
        MizanCli.Result held = cli.run(
                "run",
                "ingest-registries",
                "file=" + MizanCli.FIXTURES.resolve("registries/dhankuta_services_2024.csv"),
                "mapping=registries/dhankuta-services");
        assertThat(held.code()).isEqualTo(1);
        assertThat(held.out()).contains("a key rotation is running or was cut short");
        assertThat(cli.run("rotate-key").code()).isZero();
        assertThat(cli.home().resolve("keys/rotation.pending")).doesNotExist();
        assertThat(cli.run(
                                "run",
                                "ingest-registries",
                                "file=" + MizanCli.FIXTURES.resolve("registries/dhankuta_services_2024.csv"),
                                "mapping=registries/dhankuta-services")
                        .code())
                .isZero();
    }

    @Test
    void rotateKeyHasHelpAndRefusesAKeyFromTheEnvironment() {
        MizanCli cli = MizanCli.inTempHome("rotate-help");
        MizanCli.Result help = cli.run("rotate-key", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).startsWith("Usage: mizan rotate-key");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("HMAC(new key, old person_id)");
        System.setProperty("mizan.pseudonym.key", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        try {
            MizanCli.Result r = cli.run("rotate-key");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("the pseudonym key comes from MIZAN_PSEUDONYM_KEY");
        } finally {
            System.clearProperty("mizan.pseudonym.key");
        }
    }

    /** person_id of every record in the warehouse, by file and line. */
    private static Map<String, String> personIdsByRecord(MizanCli cli) {
        Map<String, String> out = new TreeMap<>();
        for (List<Object> row : cli.query("select source_file || ':' || source_line, person_id from fct_registry_people"
                + " union all select source_file || ':' || source_line, person_id from fct_service_deliveries")) {
            out.put((String) row.get(0), (String) row.get(1));
        }
        return out;
    }

    /** The records grouped by the person they share, whatever the person_id's value. */
    private static java.util.Set<java.util.Set<String>> groups(Map<String, String> byRecord) {
        return byRecord.entrySet().stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getValue,
                        Collectors.mapping(Map.Entry::getKey, Collectors.toCollection(java.util.TreeSet::new))))
                .values()
                .stream()
                .collect(Collectors.toSet());
    }

    private static String counts(MizanCli cli) {
        return cli.query("select (select count(*) from migrants_abroad), (select count(*) from returnees),"
                        + " (select count(*) from service_deliveries), (select count(*) from registry_duplicates),"
                        + " (select count(distinct person_id) from fct_registry_people)")
                .toString();
    }
}
