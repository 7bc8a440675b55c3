package org.mizan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mizan.MizanCli;

/**
 * A generated world (seeded): three regions NP-R1..NP-R3 of random shape, random remittances, ledgers, returnees and
 * services in 2024, loaded into a home of its own.
 */
final class GeneratedWorld {

    private GeneratedWorld() {}

    /** Worlds loaded in this JVM, by seed: each test gets a copy (two property tests share seed 7). */
    private static final java.util.Map<Long, Path> LOADED = new java.util.HashMap<>();

    /** A home of its own holding the world of {@code seed} (a copy of the one loaded once in this JVM). */
    static MizanCli load(long seed) throws IOException {
        Path home;
        synchronized (LOADED) {
            home = LOADED.get(seed);
            if (home == null) {
                home = loadNew(seed).home();
                LOADED.put(seed, home);
            }
        }
        return MizanCli.copyOf(home, "generated-world-" + seed);
    }

    private static MizanCli loadNew(long seed) throws IOException {
        Random rnd = new Random(seed);
        Path dir = MizanCli.tempDir("extract-world-" + seed);
        List<String> municipalities = new ArrayList<>();
        StringBuilder units = new StringBuilder(
                "unit_code,name,level,parent_code,country,valid_from,valid_to\nNP,Nepal,0,,NP,2017-01-01,\n");
        for (int r = 1; r <= 3; r++) {
            units.append("NP-R%d,Region %d,1,NP,NP,2017-01-01,%n".formatted(r, r));
            for (int d = 1; d <= 1 + rnd.nextInt(3); d++) {
                units.append("NP-R%d-D%d,District %d.%d,2,NP-R%d,NP,2017-01-01,%n".formatted(r, d, r, d, r));
                for (int m = 1; m <= 1 + rnd.nextInt(4); m++) {
                    String code = "NP-R%d-D%d-M%d".formatted(r, d, m);
                    municipalities.add(code);
                    units.append(
                            "%s,Municipality %d.%d.%d,3,NP-R%d-D%d,NP,2017-01-01,%n".formatted(code, r, d, m, r, d));
                }
            }
        }
        StringBuilder txns = new StringBuilder(
                "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel\n");
        StringBuilder people = new StringBuilder(
                "record_id,registry,full_name,phone,national_id,sex,birth_year,home_unit_code,destination_country,departure_on,returned_on,registered_on\n");
        StringBuilder services = new StringBuilder(
                "service_id,unit_code,service_type,national_id,beneficiary_category,delivered_on,amount,currency,provider\n");
        StringBuilder ledger = new StringBuilder(
                "project_id,title,unit_code,sector_code,initiative_level,entry_id,entry_date,entry_type,funder_type,funder_name,scheme,amount,currency\n");
        int txn = 0;
        int person = 0;
        for (String m : municipalities) {
            for (int i = rnd.nextInt(20); i > 0; i--) {
                txns.append("G-%d,MTO-00%d,2024-%02d-1%dT10:00:00Z,QA,%s,%d.00,USD,%d.00,,mto%n"
                        .formatted(
                                ++txn,
                                1 + rnd.nextInt(3),
                                1 + rnd.nextInt(12),
                                rnd.nextInt(9),
                                m,
                                100 + rnd.nextInt(900),
                                1 + rnd.nextInt(30)));
            }
            for (int i = rnd.nextInt(16); i > 0; i--) {
                person++;
                String sex = rnd.nextInt(20) == 0 ? "X" : rnd.nextBoolean() ? "F" : "M";
                people.append(
                        "%d,returnee,Gen Person %d,+977 98%08d,G-ID-%06d,%s,1990,%s,QA,2019-01-10,2024-%02d-10,2024-%02d-15%n"
                                .formatted(person, person, person, person, sex, m, 1 + rnd.nextInt(11), 12));
                if (rnd.nextInt(3) > 0) {
                    services.append("S-%d,%s,reintegration_assistance,G-ID-%06d,returnee,2024-12-20,,,Gen MRC%n"
                            .formatted(person, m, person));
                }
            }
            if (rnd.nextBoolean()) {
                ledger.append("P-%s,Project,%s,31140,local,E-%s,2024-04-01,commitment,diaspora,Diaspora group,,%d,USD%n"
                        .formatted(m, m, m, 100 + rnd.nextInt(900)));
            }
        }
        Files.writeString(dir.resolve("admin_units.csv"), units);
        Files.writeString(dir.resolve("remittances.csv"), txns);
        Files.writeString(dir.resolve("people.csv"), people);
        Files.writeString(dir.resolve("services.csv"), services);
        Files.writeString(dir.resolve("ledger.csv"), ledger);
        MizanCli cli = MizanCli.inTempHome("generated-world");
        for (String[] load : new String[][] {
            {"load-gazetteer", "admin_units.csv"},
            {"ingest-remittances", "remittances.csv"},
            {"ingest-ledgers", "ledger.csv"},
            {"ingest-registries", "people.csv"},
            {"ingest-registries", "services.csv"}
        }) {
            MizanCli.Result r = cli.run("run", load[0], "file=" + dir.resolve(load[1]));
            assertThat(r.code()).as(load[1] + r.out() + r.err()).isZero();
        }
        return cli;
    }
}
