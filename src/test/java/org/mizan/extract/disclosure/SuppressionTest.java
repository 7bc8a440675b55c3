package org.mizan.extract.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mizan.extract.disclosure.HandTables.suppressed;
import static org.mizan.extract.disclosure.HandTables.table;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Primary and secondary suppression on a hand-built region whose expected pattern is worked out below. */
class SuppressionTest {

    static final String REGION_PARENTS = "D1>R D2>R D1M1>D1 D1M2>D1 D1M3>D1 D2M1>D2 D2M2>D2";
    static final String[] REGION = {
        "R    F=59 M=80 X=10 all=149",
        "D1   F=41 M=48 X=3  all=92",
        "D1M1 F=12 M=15 X=3  all=30",
        "D1M2 F=9  M=11 X=0  all=20",
        "D1M3 F=20 M=22      all=42", // no X row: a known 0, not a cell
        "D2   F=18 M=32 X=7  all=57",
        "D2M1 F=2  M=14 X=1  all=17",
        "D2M2 F=16 M=18 X=6  all=40",
    };

    @Test
    void aRegionOfTwoDistrictsGetsThePatternWorkedOutByHand() {
        // given a region R, districts D1 (three municipalities) and D2 (two), counts by sex F, M, X and all
        CountTable region = table("returnees 2024-Q1", REGION_PARENTS, REGION);

        // when
        SuppressionPattern pattern = Suppression.apply(region, Rules.defaults());

        // then the primaries are the five counts below 5, the zero included: D1/X 3, D1M1/X 3, D1M2/X 0,
        // D2M1/F 2, D2M1/X 1. The relations are visited rows first (D1, D1M1, D1M2, D1M3, D2, D2M1, D2M2, R), then
        // the columns under D1, D2, R; each one left with a single suppressed cell takes the unsuppressed cell with
        // the smallest non-zero count:
        //   row D1 (X alone)            -> D1/F 41 (of F 41, M 48, all 92)
        //   row D1M1 (X alone)          -> D1M1/F 12
        //   row D1M2 (X alone)          -> D1M2/F 9
        //   row D2M1 has F and X: two, nothing to do
        //   column F under D1 holds D1/F, D1M1/F, D1M2/F; column X under D1 D1/X, D1M1/X, D1M2/X: nothing to do
        //   column F under D2 (D2M1/F alone) -> D2M2/F 16 (of D2/F 18, D2M2/F 16)
        //   column X under D2 (D2M1/X alone) -> D2M2/X 6 (of D2/X 7, D2M2/X 6)
        //   column F under R (D1/F alone)    -> D2/F 18 (of R/F 59, D2/F 18)
        //   column X under R (D1/X alone)    -> D2/X 7 (of R/X 10, D2/X 7)
        // A second pass finds every relation with none or at least two suppressed cells (rows D2 and D2M2 now hold F
        // and X). The audit then finds nothing: every suppressed cell lies on a move that shifts people between F and
        // X, e.g. +d on D1M1/F, D1/F, D2/X, D2M2/X and -d on D1M1/X, D1/X, D2/F, D2M2/F keeps every total for
        // -6 <= d <= 3; D1M2's and D2M1's cells lie on the like moves through their own rows.
        assertThat(suppressed(pattern))
                .containsExactly(
                        "D1/F=SECONDARY", "D1/X=PRIMARY",
                        "D1M1/F=SECONDARY", "D1M1/X=PRIMARY",
                        "D1M2/F=SECONDARY", "D1M2/X=PRIMARY",
                        "D2/F=SECONDARY", "D2/X=SECONDARY",
                        "D2M1/F=PRIMARY", "D2M1/X=PRIMARY",
                        "D2M2/F=SECONDARY", "D2M2/X=SECONDARY");
        assertThat(pattern.counts()).isEqualTo(new SuppressionPattern.Counts(19, 5, 7));
        assertThat(pattern.status("R", "all")).isEqualTo(CellStatus.PUBLISHED);
        assertThat(pattern.status("D1M3", "F")).isEqualTo(CellStatus.PUBLISHED);
        assertThat(Audit.recoverable(region, pattern)).isEmpty();
    }

    @Test
    void theSamePatternWhateverTheOrderOfTheCellsAndOnTheNextRelease() {
        SuppressionPattern first =
                Suppression.apply(table("returnees 2024-Q1", REGION_PARENTS, REGION), Rules.defaults());
        for (int seed = 1; seed <= 20; seed++) {
            // given the same counts given in another order (as another run of the extract might read them)
            CountTable shuffled = table("returnees 2024-Q1", REGION_PARENTS, new Random(seed), REGION);
            // then the pattern is the same, cell for cell
            assertThat(Suppression.apply(shuffled, Rules.defaults()).statuses()).isEqualTo(first.statuses());
        }
        // and a second release of unchanged inputs gets the same pattern again
        assertThat(Suppression.apply(table("returnees 2024-Q1", REGION_PARENTS, REGION), Rules.defaults()))
                .isEqualTo(first);
    }

    @Test
    void zerosArePublishedWhenTheRulesSaySo() {
        // given the region with zeros not suppressed
        CountTable region = table("returnees 2024-Q1", REGION_PARENTS, REGION);
        // when
        SuppressionPattern pattern = Suppression.apply(region, new Rules(5, false));
        // then D1M2/X 0 is published, and so is D1M2/F, which only protected it; D1M2's other cells stay published
        assertThat(pattern.status("D1M2", "X")).isEqualTo(CellStatus.PUBLISHED);
        assertThat(pattern.status("D1M2", "F")).isEqualTo(CellStatus.PUBLISHED);
        assertThat(pattern.counts().primary()).isEqualTo(4);
        assertThat(Audit.recoverable(region, pattern)).isEmpty();
    }

    @Test
    void aZeroTheShapeAloneFixesIsPublishedLikeAnAbsentCell() {
        // given a municipality with a total of 0 and no row per sex: its total can only be 0
        CountTable table = table("served 2024", "M1>D M2>D", "D  F=7 M=9 all=16", "M1 F=7 M=9 all=16", "M2 all=0");
        // then that cell is known from the table's shape, published, and protects nothing
        assertThat(Suppression.knownFromShape(table)).containsExactly(new Cell("M2", "all"));
        SuppressionPattern pattern = Suppression.apply(table, Rules.defaults());
        assertThat(pattern.status("M2", "all")).isEqualTo(CellStatus.PUBLISHED);
        assertThat(pattern.suppressed()).isEmpty();
    }

    @Test
    void anAbsentCellHasNoStatusAndCannotBeSuppressed() {
        CountTable region = table("returnees 2024-Q1", REGION_PARENTS, REGION);
        SuppressionPattern pattern = Suppression.apply(region, Rules.defaults());
        assertThatThrownBy(() -> pattern.status("D1M3", "X"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "returnees 2024-Q1: no cell D1M3/X in the table; an absent cell is a known 0 and has no status");
        assertThatThrownBy(() -> SuppressionPattern.of(region, HandTables.cells("D1M3/X"), java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "table returnees 2024-Q1: cell D1M3/X is absent, so it is a known 0 and cannot be suppressed");
    }

    @Test
    void aThresholdBelowOneIsRefused() {
        assertThatThrownBy(() -> new Rules(0, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "disclosure threshold must be at least 1, got 0: set it to the smallest count that may be published");
    }
}
