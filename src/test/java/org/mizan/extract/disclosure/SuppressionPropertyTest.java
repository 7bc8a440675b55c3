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
        int suppressedCells = 0;
        for (int seed = 0; seed < 300; seed++) {
            // given a region of up to 3 districts of up to 3 municipalities; every fourth with inexact districts
            Random random = new Random(seed);
            RandomTables.Spec spec = RandomTables.generate(random, 3, 3, 12, seed % 4 == 0);
            CountTable table = spec.build(random);

            // when
            SuppressionPattern pattern = Suppression.apply(table, Rules.defaults());

            // then no suppressed cell can be recovered
            assertThat(Audit.recoverable(table, pattern)).as("seed %d", seed).isEmpty();
            // and every count below 5 is suppressed, but for zeros the table's shape alone fixes
            Set<Cell> known = Suppression.knownFromShape(table);
            for (Map.Entry<Cell, Long> cell : table.values().entrySet()) {
                boolean hidden = pattern.suppressed().contains(cell.getKey());
                if (cell.getValue() < 5) {
                    assertThat(hidden || known.contains(cell.getKey()) && cell.getValue() == 0)
                            .as("seed %d cell %s", seed, cell).isTrue();
                }
                assertThat(hidden && known.contains(cell.getKey())).as("seed %d cell %s", seed, cell).isFalse();
            }
            // and every relation made of published cells only adds up on the published values
            for (Relation relation : table.relations()) {
                if (relation.cells().stream().noneMatch(pattern.suppressed()::contains)) {
                    assertThat(relation.holds(published(table, pattern))).as("seed %d %s", seed, relation).isTrue();
                }
            }
            // and the same cells given in another order give the same pattern
            assertThat(Suppression.apply(spec.build(new Random(seed + 1000)), Rules.defaults()))
                    .as("seed %d", seed).isEqualTo(pattern);
            suppressedCells += pattern.suppressed().size();
        }
        // the generated tables are not trivially safe: thousands of cells were suppressed
        assertThat(suppressedCells).isGreaterThan(3000);
    }

    @Test
    void anAttackerEnumeratingCompletionsFindsAtLeastTwoValuesForEverySuppressedCell() {
        int disclosedByPrimariesAlone = 0;
        for (int seed = 0; seed < 300; seed++) {
            // given a small region (up to 2 districts of up to 2 municipalities) the attacker can enumerate
            Random random = new Random(seed);
            RandomTables.Spec spec = RandomTables.generate(random, 2, 2, 6, seed % 3 == 0);
            CountTable table = spec.build(random);

            // when the attacker reads the published table
            SuppressionPattern pattern = Suppression.apply(table, Rules.defaults());

            // then every suppressed cell has at least two values consistent with what is published
            assertThat(new Attacker(spec, pattern.suppressed()).disclosed()).as("seed %d %s", seed, pattern).isEmpty();

            // and with the primaries alone suppressed the attacker and the audit find exactly the same cells: the
            // audit misses nothing the attacker finds and claims nothing the attacker cannot find
            Set<Cell> known = Suppression.knownFromShape(table);
            List<Cell> primaries = table.values().keySet().stream()
                    .filter(c -> table.values().get(c) < 5 && !known.contains(c)).toList();
            List<Cell> disclosed = new Attacker(spec, primaries).disclosed();
            assertThat(Audit.recoverable(table, SuppressionPattern.of(table, primaries, List.of())))
                    .extracting(Audit.Recovery::cell).as("seed %d", seed).containsExactlyElementsOf(disclosed);
            disclosedByPrimariesAlone += disclosed.size();
        }
        // the attacker has teeth: primaries alone give hundreds of cells away
        assertThat(disclosedByPrimariesAlone).isGreaterThan(200);
    }

    private static Map<Cell, Long> published(CountTable table, SuppressionPattern pattern) {
        Map<Cell, Long> published = new java.util.TreeMap<>(table.values());
        published.keySet().removeAll(pattern.suppressed());
        return published;
    }
}
