package org.mizan.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gazetteer's whole-file hierarchy rules, each with the rule and both codes. */
class HierarchyTest {

    private static final LocalDate D = LocalDate.of(2020, 1, 1);

    private static Hierarchy.Row row(long line, String code, int level, String... parents) {
        return new Hierarchy.Row(line, code, level, List.of(parents), D, null);
    }

    @Test
    void aMissingParentALevelNotBelowItsParentAndACycleAreRejectedWithBothCodes() {
        Hierarchy h = Hierarchy.check(
                List.of(
                        row(2, "PH", 0),
                        row(3, "R1", 1, "PH"),
                        row(4, "P1", 2, "R1"),
                        row(5, "M1", 3, "P9"),
                        row(6, "M2", 2, "P1"),
                        row(7, "A", 4, "B"),
                        row(8, "B", 5, "A")),
                List.of(),
                "f.csv");
        assertThat(h.reject(3)).isNull();
        assertThat(h.reject(5).rule()).isEqualTo(Rule.UNKNOWN_PARENT);
        assertThat(h.reject(5).getMessage())
                .isEqualTo("unit M1: its parent P9 is neither in the file nor already loaded, valid on 2020-01-01");
        assertThat(h.reject(6).rule()).isEqualTo(Rule.LEVEL_NOT_BELOW_PARENT);
        assertThat(h.reject(6).getMessage()).isEqualTo("unit M2 of level 2 is not below its parent P1 of level 2");
        // A (4) under B (5) is a level error; B under A closes the cycle
        assertThat(h.reject(7).rule()).isEqualTo(Rule.LEVEL_NOT_BELOW_PARENT);
    }

    @Test
    void aCycleOfUnitsWhoseLevelsCannotShowItIsRejected() {
        Hierarchy h = Hierarchy.check(
                List.of(row(2, "A", 3, "C"), row(3, "B", 4, "A"), row(4, "C", 5, "B")),
                List.of(new Hierarchy.Known("X", 0, null, null)),
                "f.csv");
        // C (5) under B (4) under A (3) under C (5): A's level is not below C's, which breaks the cycle there
        assertThat(h.reject(2).rule()).isEqualTo(Rule.LEVEL_NOT_BELOW_PARENT);
        assertThat(h.reject(3)).isNull();
    }

    @Test
    void theNearestExistingCandidateIsTheParentAndAnAlreadyLoadedUnitCounts() {
        Hierarchy h = Hierarchy.check(
                List.of(row(2, "1380100001", 5, "1380100000", "1380000000", "1300000000", "PH")),
                List.of(new Hierarchy.Known("1300000000", 1, D, null), new Hierarchy.Known("PH", 0, D, null)),
                "f.csv");
        assertThat(h.reject(2)).isNull();
        assertThat(h.parent(2)).isEqualTo("1300000000");
    }
}
