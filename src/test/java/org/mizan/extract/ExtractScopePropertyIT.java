package org.mizan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
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
        MizanCli cli = GeneratedWorld.load(seed);
        int published = 0;
        int withheld = 0;
        for (String region : List.of("NP-R3", "NP-R1", "NP-R2")) {
            MizanCli.Result r = cli.run("run", "extract-region", "region=" + region, "period=2024");
            assertThat(r.code()).as(r.err()).isZero();
            Set<String> inside = new HashSet<>();
            cli.query("select unit_code from dim_unit_ancestors where ancestor_code = '" + region + "'")
                    .forEach(u -> inside.add((String) u.get(0)));
            Path release = cli.home().resolve("extracts/" + region + "/2024/v1");
            for (ExtractView v : ExtractView.all()) {
                List<List<String>> rows = CsvTestReader.parse(Files.readString(release.resolve(v.name() + ".csv")));
                int unit = rows.get(0).indexOf("unit_code");
                for (List<String> row : rows.subList(1, rows.size())) {
                    if (unit >= 0) {
                        assertThat(inside)
                                .as("seed %d, %s of %s", seed, v.name(), region)
                                .contains(row.get(unit));
                    }
                    assertThat(String.join(",", row))
                            .as("seed %d, %s of %s", seed, v.name(), region)
                            .doesNotContain("G-ID-")
                            .doesNotContain("Gen Person");
                }
                assertThat(ExtractRegionIT.columnValues(release.resolve(v.name() + ".parquet"), "unit_code"))
                        .allMatch(inside::contains);
            }
            List<List<String>> coverage =
                    CsvTestReader.parse(Files.readString(release.resolve("reintegration_coverage.csv")));
            for (List<String> row : coverage.subList(1, coverage.size())) {
                for (int col : new int[] {4, 5}) {
                    if (row.get(col).equals("[c]")) {
                        withheld++;
                    } else {
                        published++;
                        assertThat(Long.parseLong(row.get(col)))
                                .as("seed %d %s", seed, row)
                                .isGreaterThanOrEqualTo(5);
                    }
                }
            }
        }
        // the generated worlds are big enough that both happen
        assertThat(published).isPositive();
        assertThat(withheld).isPositive();
        // extracting again in another order changes nothing (deterministic suppression)
        assertThat(cli.run("run", "extract-region", "region=NP-R1", "period=2024")
                        .code())
                .isZero();
        assertThat(Files.exists(cli.home().resolve("extracts/NP-R1/2024/v2"))).isFalse();
    }
}
