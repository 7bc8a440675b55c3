package org.mizan.extract.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mizan.extract.disclosure.internal.Relation;

/** Suppression over generated region tables, checked by the audit and by an independent brute-force attacker. */
class SuppressionPropertyTest {

    @Test
    void everyGeneratedTableIsProtectedSmallCountsSuppressedAndTheOrderDoesNotMatter() {
        int[] suppressedCells = {0};
        // given 300 regions of up to 3 districts of up to 3 municipalities; every fourth with inexact districts
        // when each is suppressed
        forGenerated(3, 3, 12, 4, (seed, spec, table, pattern) -> {
            // then no suppressed cell can be recovered
            assertThat(Audit.recoverable(table, pattern)).as("seed %d", seed).isEmpty();
            // and every count below 5 is suppressed, but for zeros the table's shape alone fixes
            Set<Cell> known = Suppression.knownFromShape(table);
            for (Map.Entry<Cell, Long> cell : table.values().entrySet()) {
                boolean hidden = pattern.suppressed().contains(cell.getKey());
                if (cell.getValue() < 5) {
                    assertThat(hidden || known.contains(cell.getKey()) && cell.getValue() == 0)
                            .as("seed %d cell %s", seed, cell)
                            .isTrue();
                }
                assertThat(hidden && known.contains(cell.getKey()))
                        .as("seed %d cell %s", seed, cell)
                        .isFalse();
            }
            // and every relation made of published cells only adds up on the published values
            for (Relation relation : table.relations()) {
                if (relation.cells().stream().noneMatch(pattern.suppressed()::contains)) {
                    assertThat(relation.holds(published(table, pattern)))
                            .as("seed %d %s", seed, relation)
                            .isTrue();
                }
            }
            // and the same cells given in another order give the same pattern
            assertThat(Suppression.apply(spec.build(new Random(seed + 1000)), Rules.defaults()))
                    .as("seed %d", seed)
                    .isEqualTo(pattern);
            suppressedCells[0] += pattern.suppressed().size();
        });
        // the generated tables are not trivially safe: thousands of cells were suppressed
        assertThat(suppressedCells[0]).isGreaterThan(3000);
    }

    @Test
    void anAttackerEnumeratingCompletionsFindsAtLeastTwoValuesForEverySuppressedCell() {
        int[] disclosedByPrimariesAlone = {0};
        // given 300 small regions (up to 2 districts of up to 2 municipalities) that the attacker can enumerate
        forGenerated(2, 2, 6, 3, (seed, spec, table, pattern) -> {
            // when the attacker reads the published table, then every suppressed cell has at least two values
            // consistent with what is published
            assertThat(new Attacker(spec, pattern.suppressed()).disclosed())
                    .as("seed %d %s", seed, pattern)
                    .isEmpty();

            // and with the primaries alone suppressed the attacker and the audit find exactly the same cells: the
            // audit misses nothing the attacker finds and claims nothing the attacker cannot find
            Set<Cell> known = Suppression.knownFromShape(table);
            List<Cell> primaries = table.values().keySet().stream()
                    .filter(c -> table.values().get(c) < 5 && !known.contains(c))
                    .toList();
            List<Cell> disclosed = new Attacker(spec, primaries).disclosed();
            assertThat(Audit.recoverable(table, SuppressionPattern.of(table, primaries, List.of())))
                    .extracting(Audit.Recovery::cell)
                    .as("seed %d", seed)
                    .containsExactlyElementsOf(disclosed);
            disclosedByPrimariesAlone[0] += disclosed.size();
        });
        // the attacker has teeth: primaries alone give hundreds of cells away
        assertThat(disclosedByPrimariesAlone[0]).isGreaterThan(200);
    }

    /** What a check sees of one generated table. */
    private interface TableCheck {
        void check(int seed, RandomTables.Spec spec, CountTable table, SuppressionPattern pattern);
    }

    /** Generates 300 tables (seeds 0 to 299), suppresses each under the default rules and checks it. */
    private static void forGenerated(
            int maxDistricts, int maxMunicipalities, int maxValue, int inexactEvery, TableCheck check) {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            RandomTables.Spec spec =
                    RandomTables.generate(random, maxDistricts, maxMunicipalities, maxValue, seed % inexactEvery == 0);
            CountTable table = spec.build(random);
            check.check(seed, spec, table, Suppression.apply(table, Rules.defaults()));
        }
    }

    private static Map<Cell, Long> published(CountTable table, SuppressionPattern pattern) {
        Map<Cell, Long> published = new java.util.TreeMap<>(table.values());
        published.keySet().removeAll(pattern.suppressed());
        return published;
    }
}
