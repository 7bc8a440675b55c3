package org.mizan.extract.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mizan.extract.disclosure.HandTables.cells;
import static org.mizan.extract.disclosure.HandTables.suppressed;
import static org.mizan.extract.disclosure.HandTables.table;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mizan.extract.disclosure.Audit.How;
import org.mizan.extract.disclosure.Audit.Recovery;
import org.mizan.extract.disclosure.internal.Relation;

/** Patterns where no relation holds a lone suppressed cell and yet a cell can be recovered, and how the loop fixes them. */
class AuditTest {

    @Test
    void aCombinationOfRelationsRecoversACellAndTheLoopProtectsIt() {
        // given a district D of three municipalities; M1 and M3 have returnees of one sex only (all = M)
        CountTable district = table(
                "returnees 2024",
                "M1>D M2>D M3>D",
                "D  F=1 M=19 X=2 all=22",
                "M1     M=2      all=2",
                "M2 F=1 M=8  X=2 all=11",
                "M3     M=9      all=9");
        // and the pattern the lone-cell rule alone gives: primaries D/F, D/X, M1/M, M1/all, M2/F, M2/X; column M
        // under D (M1/M alone) takes M2/M 8, column all under D (M1/all alone) takes M3/all 9, then row M3
        // (M3/all alone) takes M3/M
        SuppressionPattern loneCellsOnly = SuppressionPattern.of(
                district, cells("D/F", "D/X", "M1/M", "M1/all", "M2/F", "M2/X"), cells("M2/M", "M3/all", "M3/M"));
        for (Relation relation : district.relations()) {
            long hidden = relation.cells().stream()
                    .filter(loneCellsOnly.suppressed()::contains)
                    .count();
            assertThat(hidden).as(relation.label()).isNotEqualTo(1);
        }

        // when the audit looks at it
        List<Recovery> recoverable = Audit.recoverable(district, loneCellsOnly);

        // then M2/M is recovered: column M gives M1/M + M2/M + M3/M = 19, rows M1 and M3 give M1/M = M1/all and
        // M3/M = M3/all, column all gives M1/all + M3/all = 22 - 11 = 11, so M2/M = 19 - 11 = 8
        assertThat(recoverable)
                .containsExactly(new Recovery(new Cell("M2", "M"), How.LINEAR, "a combination of relations"));

        // and the loop adds M2/all 11 (of M2's and column M's unsuppressed cells M2/all 11 and D/M 19), after which
        // M2/M = 19 - (22 - M2/all) is free again
        SuppressionPattern pattern = Suppression.apply(district, Rules.defaults());
        assertThat(suppressed(pattern))
                .containsExactly(
                        "D/F=PRIMARY",
                        "D/X=PRIMARY",
                        "M1/M=PRIMARY",
                        "M1/all=PRIMARY",
                        "M2/F=PRIMARY",
                        "M2/M=SECONDARY",
                        "M2/X=PRIMARY",
                        "M2/all=SECONDARY",
                        "M3/M=SECONDARY",
                        "M3/all=SECONDARY");
        assertThat(Audit.recoverable(district, pattern)).isEmpty();
    }

    @Test
    void aZeroResidualGivesAwayZerosAndNonNegativityTheCellsAroundThem() {
        // given a municipality M1 with no F and no X returnees: its M count equals its total
        CountTable district = table(
                "returnees 2024",
                "M1>D M2>D",
                "D  F=6 M=22 X=7 all=35",
                "M1 F=0 M=12 X=0 all=12",
                "M2 F=6 M=10 X=7 all=23");
        // and the pattern the lone-cell rule gives: primaries M1/F, M1/X (zeros); column F under D takes D/F 6
        // (tied with M2/F 6, D comes first), column X under D takes D/X 7 (tied with M2/X 7); row D then holds two
        SuppressionPattern loneCellsOnly = SuppressionPattern.of(district, cells("M1/F", "M1/X"), cells("D/F", "D/X"));

        // when
        List<Recovery> recoverable = Audit.recoverable(district, loneCellsOnly);

        // then row M1 reads M1/F + M1/X = 12 - 12 = 0, so both are 0 since counts are not negative; with them,
        // D/F = M2/F + M1/F = 6 and D/X = 7, which no linear combination alone gives (the four equations have rank 3)
        assertThat(recoverable)
                .containsExactly(
                        new Recovery(new Cell("D", "F"), How.BOUNDS, "a combination of relations"),
                        new Recovery(new Cell("D", "X"), How.BOUNDS, "a combination of relations"),
                        new Recovery(new Cell("M1", "F"), How.ZERO_RESIDUAL, "row M1"),
                        new Recovery(new Cell("M1", "X"), How.ZERO_RESIDUAL, "row M1"));

        // and the loop: D/F first, whose relations offer M2/F 6 (of D/M 22, D/all 35, M2/F 6); row M2 then takes
        // M2/X 7; row M1 still gives its zeros away, so M1/F's relations offer M1/M 12 (tied with M1/all 12, "M"
        // sorts first); column M under D then takes M2/M 10. Now people can move between M1's F, M, X and M2's.
        SuppressionPattern pattern = Suppression.apply(district, Rules.defaults());
        assertThat(suppressed(pattern))
                .containsExactly(
                        "D/F=SECONDARY",
                        "D/X=SECONDARY",
                        "M1/F=PRIMARY",
                        "M1/M=SECONDARY",
                        "M1/X=PRIMARY",
                        "M2/F=SECONDARY",
                        "M2/M=SECONDARY",
                        "M2/X=SECONDARY");
        assertThat(Audit.recoverable(district, pattern)).isEmpty();
    }

    @Test
    void anInexactParentIsAnInequalityNotAnEquation() {
        // given a district that also counts people registered at the district itself (2 F), declared inexact
        CountTable.Builder builder = CountTable.builder("returnees 2024")
                .totalColumn("all")
                .parent("M1", "D")
                .parent("M2", "D")
                .inexact("D")
                .cell("D", "F", 13)
                .cell("D", "M", 16)
                .cell("D", "all", 29)
                .cell("M1", "F", 3)
                .cell("M1", "M", 9)
                .cell("M1", "all", 12)
                .cell("M2", "F", 8)
                .cell("M2", "M", 7)
                .cell("M2", "all", 15);
        CountTable district = builder.build();

        // when M1/F 3 is suppressed with M1/M, the lone-cell complement of row M1
        SuppressionPattern pattern = Suppression.apply(district, Rules.defaults());

        // then that is enough: M1/F + M1/M = 12 and D/F >= M1/F + 8, D/M >= M1/M + 7 leave M1/F anywhere in 3..5,
        // whereas read as equations the columns under D would give M1/F = 13 - 8 = 5 (and a wrong value)
        assertThat(suppressed(pattern)).containsExactly("M1/F=PRIMARY", "M1/M=SECONDARY");
        assertThat(Audit.recoverable(district, pattern)).isEmpty();
        // and were the district's own people 0 in F as in M, the inequalities would be tight: M1/F <= 11 - 8 = 3 and
        // M1/M <= 16 - 7 = 9 with M1/F + M1/M = 12 force both (the audit's simplex finds the slacks at 0)
        CountTable exactInF = CountTable.builder("returnees 2024")
                .totalColumn("all")
                .parent("M1", "D")
                .parent("M2", "D")
                .inexact("D")
                .cell("D", "F", 11)
                .cell("D", "M", 16)
                .cell("D", "all", 27)
                .cell("M1", "F", 3)
                .cell("M1", "M", 9)
                .cell("M1", "all", 12)
                .cell("M2", "F", 8)
                .cell("M2", "M", 7)
                .cell("M2", "all", 15)
                .build();
        assertThat(Audit.recoverable(exactInF, SuppressionPattern.of(exactInF, cells("M1/F"), cells("M1/M"))))
                .extracting(Recovery::cell, Recovery::how)
                .containsExactly(tuple(new Cell("M1", "F"), How.BOUNDS), tuple(new Cell("M1", "M"), How.BOUNDS));
    }
}
