package org.mizan.extract.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mizan.extract.disclosure.HandTables.table;

import org.junit.jupiter.api.Test;

/** A table is checked when it is built: counts, hierarchy and every relation, with the numbers in the message. */
class CountTableTest {

    @Test
    void theRelationsOfATableAreItsRowsThenItsParentsColumns() {
        CountTable table =
                table("returnees 2024", "M1>D M2>D", "D  F=5 M=9 all=14", "M1 F=5 M=2 all=7", "M2     M=7 all=7");
        assertThat(table.relations())
                .extracting(r -> r.label() + " " + r.head() + "=" + r.parts())
                .containsExactly(
                        "row D D/all=[D/F, D/M]",
                        "row M1 M1/all=[M1/F, M1/M]",
                        "row M2 M2/all=[M2/M]",
                        "column F under D D/F=[M1/F]",
                        "column M under D D/M=[M1/M, M2/M]",
                        "column all under D D/all=[M1/all, M2/all]");
        assertThat(table.value("M2", "F")).isEmpty();
        assertThat(table.value("M2", "M")).hasValue(7);
    }

    @Test
    void aTotalThatDoesNotAddUpIsRefusedWithItsNumbers() {
        assertThatThrownBy(() -> table("returnees 2024", "", "M1 F=5 M=2 all=8"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("returnees 2024: row M1: M1/all = 8 but the sum of M1/F=5, M1/M=2 is 7;"
                        + " the table must add up before it is protected");
    }

    @Test
    void aParentThatDoesNotAddUpIsRefusedWithItsNumbers() {
        assertThatThrownBy(() -> table("returnees 2024", "M1>D M2>D", "D  F=6 all=6", "M1 F=5 all=5", "M2 F=2 all=2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("returnees 2024: column F under D: D/F = 6 but the sum of M1/F=5, M2/F=2 is 7;"
                        + " the table must add up before it is protected");
    }

    @Test
    void anInexactParentMayExceedItsChildrenButNotFallShort() {
        CountTable.Builder builder = CountTable.builder("returnees 2024")
                .totalColumn("all")
                .parent("M1", "D")
                .inexact("D")
                .cell("D", "F", 4)
                .cell("D", "all", 4)
                .cell("M1", "F", 5)
                .cell("M1", "all", 5);
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "returnees 2024: column F under D: D/F = 4 but the sum of M1/F=5 is 5 (an inexact parent may"
                                + " exceed the sum of its children, never fall short of it); the table must add up before it is protected");
    }

    @Test
    void negativeCountsDuplicatesTwoParentsAndCyclesAreRefused() {
        assertThatThrownBy(() -> table("served 2024", "", "M1 F=-1 all=-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("served 2024: cell M1/F has a negative count -1; counts of persons are 0 or more");
        assertThatThrownBy(() ->
                        CountTable.builder("served 2024").cell("M1", "F", 1).cell("M1", "F", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("served 2024: cell M1/F is given twice (1 and 2); give each unit and category once");
        assertThatThrownBy(() ->
                        CountTable.builder("served 2024").parent("M1", "D1").parent("M1", "D2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("served 2024: row M1 is given two parents, D1 and D2; a unit has one parent");
        assertThatThrownBy(() -> CountTable.builder("served 2024")
                        .parent("A", "B")
                        .parent("B", "A")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "served 2024: the hierarchy has a cycle through row A; each unit's parent must be at a higher level");
        assertThatThrownBy(() -> CountTable.builder("served 2024").inexact("M1").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "served 2024: row M1 is declared inexact but has no children; declare only parent rows inexact");
    }
}
