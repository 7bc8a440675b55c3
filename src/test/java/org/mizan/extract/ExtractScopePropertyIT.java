package org.mizan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mizan.MizanCli;

/**
 * Property over generated worlds (seeded): three regions of random shape, random remittances, ledgers, migrants,
 * returnees and services. For every region's extract: no row of any view outside the region; every published
 * person count at least the threshold, every smaller one withheld as {@code [c]}; the extract of a region is the
 * same whichever region was extracted before it.
 */
class ExtractScopePropertyIT {

    @ParameterizedTest
    @ValueSource(longs = {7, 2024})
    void noRowOutsideTheRegionAndNoSmallCountPublished(long seed) throws Exception {
        Random rnd = new Random(seed);
        Path dir = MizanCli.tempDir("extract-world-" + seed);
        List<String> municipalities = new ArrayList<>();
        StringBuilder units = new StringBuilder("unit_code,name,level,parent_code,country,valid_from,valid_to\nNP,Nepal,0,,NP,2017-01-01,\n");
        for (int r = 1; r <= 3; r++) {
            units.append("NP-R%d,Region %d,1,NP,NP,2017-01-01,%n".formatted(r, r));
            for (int d = 1; d <= 1 + rnd.nextInt(3); d++) {
                units.append("NP-R%d-D%d,District %d.%d,2,NP-R%d,NP,2017-01-01,%n".formatted(r, d, r, d, r));
                for (int m = 1; m <= 1 + rnd.nextInt(4); m++) {
                    String code = "NP-R%d-D%d-M%d".formatted(r, d, m);
                    municipalities.add(code);
                    units.append("%s,Municipality %d.%d.%d,3,NP-R%d-D%d,NP,2017-01-01,%n".formatted(code, r, d, m, r, d));
                }
            }
        }
        StringBuilder txns = new StringBuilder("txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel\n");
        StringBuilder people = new StringBuilder("record_id,registry,full_name,phone,national_id,sex,birth_year,home_unit_code,destination_country,departure_on,returned_on,registered_on\n");
        StringBuilder services = new StringBuilder("service_id,unit_code,service_type,national_id,beneficiary_category,delivered_on,amount,currency,provider\n");
        StringBuilder ledger = new StringBuilder("project_id,title,unit_code,sector_code,initiative_level,entry_id,entry_date,entry_type,funder_type,funder_name,scheme,amount,currency\n");
        int txn = 0;
        int person = 0;
        for (String m : municipalities) {
            for (int i = rnd.nextInt(20); i > 0; i--) {
                txns.append("G-%d,MTO-00%d,2024-%02d-1%dT10:00:00Z,QA,%s,%d.00,USD,%d.00,,mto%n".formatted(++txn, 1 + rnd.nextInt(3),
                        1 + rnd.nextInt(12), rnd.nextInt(9), m, 100 + rnd.nextInt(900), 1 + rnd.nextInt(30)));
            }
            for (int i = rnd.nextInt(16); i > 0; i--) {
                person++;
                String sex = rnd.nextInt(20) == 0 ? "X" : rnd.nextBoolean() ? "F" : "M";
                people.append("%d,returnee,Gen Person %d,+977 98%08d,G-ID-%06d,%s,1990,%s,QA,2019-01-10,2024-%02d-10,2024-%02d-15%n".formatted(
                        person, person, person, person, sex, m, 1 + rnd.nextInt(11), 12));
                if (rnd.nextInt(3) > 0) {
                    services.append("S-%d,%s,reintegration_assistance,G-ID-%06d,returnee,2024-12-20,,,Gen MRC%n".formatted(person, m, person));
                }
            }
            if (rnd.nextBoolean()) {
                ledger.append("P-%s,Project,%s,31140,local,E-%s,2024-04-01,commitment,diaspora,Diaspora group,,%d,USD%n".formatted(m, m, m,
                        100 + rnd.nextInt(900)));
            }
        }
        Files.writeString(dir.resolve("admin_units.csv"), units);
        Files.writeString(dir.resolve("remittances.csv"), txns);
        Files.writeString(dir.resolve("people.csv"), people);
        Files.writeString(dir.resolve("services.csv"), services);
        Files.writeString(dir.resolve("ledger.csv"), ledger);
        MizanCli cli = MizanCli.inTempHome("extract-property");
        for (String[] load : new String[][] {{"load-gazetteer", "admin_units.csv"}, {"ingest-remittances", "remittances.csv"},
                {"ingest-ledgers", "ledger.csv"}, {"ingest-registries", "people.csv"}, {"ingest-registries", "services.csv"}}) {
            MizanCli.Result r = cli.run("run", load[0], "file=" + dir.resolve(load[1]));
            assertThat(r.code()).as(load[1] + r.out() + r.err()).isZero();
        }
        int published = 0;
        int withheld = 0;
        for (String region : List.of("NP-R3", "NP-R1", "NP-R2")) {
            MizanCli.Result r = cli.run("run", "extract-region", "region=" + region, "period=2024");
            assertThat(r.code()).as(r.err()).isZero();
            Set<String> inside = new HashSet<>();
            cli.query("select unit_code from dim_unit_ancestors where ancestor_code = '" + region + "'").forEach(u -> inside.add((String) u.get(0)));
            Path release = cli.home().resolve("extracts/" + region + "/2024/v1");
            for (ExtractView v : ExtractView.all()) {
                List<List<String>> rows = CsvTestReader.parse(Files.readString(release.resolve(v.name() + ".csv")));
                int unit = rows.get(0).indexOf("unit_code");
                for (List<String> row : rows.subList(1, rows.size())) {
                    if (unit >= 0) {
                        assertThat(inside).as("seed %d, %s of %s", seed, v.name(), region).contains(row.get(unit));
                    }
                    assertThat(String.join(",", row)).as("seed %d, %s of %s", seed, v.name(), region).doesNotContain("G-ID-").doesNotContain("Gen Person");
                }
                assertThat(ExtractRegionIT.columnValues(release.resolve(v.name() + ".parquet"), "unit_code")).allMatch(inside::contains);
            }
            List<List<String>> coverage = CsvTestReader.parse(Files.readString(release.resolve("reintegration_coverage.csv")));
            for (List<String> row : coverage.subList(1, coverage.size())) {
                for (int col : new int[] {4, 5}) {
                    if (row.get(col).equals("[c]")) {
                        withheld++;
                    } else {
                        published++;
                        assertThat(Long.parseLong(row.get(col))).as("seed %d %s", seed, row).isGreaterThanOrEqualTo(5);
                    }
                }
            }
        }
        // the generated worlds are big enough that both happen
        assertThat(published).isPositive();
        assertThat(withheld).isPositive();
        // extracting again in another order changes nothing (deterministic suppression)
        assertThat(cli.run("run", "extract-region", "region=NP-R1", "period=2024").code()).isZero();
        assertThat(Files.exists(cli.home().resolve("extracts/NP-R1/2024/v2"))).isFalse();
    }
}
