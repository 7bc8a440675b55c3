package org.mizan.source.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The field expressions of a mapping's derive: section, each on exact values. */
class DerivationsTest {

    private static UnaryOperator<String> row(Map<String, String> values) {
        return values::get;
    }

    @Test
    void aParentCodeIsTheCodesPrefixPaddedToItsWidthNearestFirstThenTheRoot() {
        CodePrefix p = (CodePrefix) Expressions.prefix("unit_code", List.of(7, 5, 2), '0', 10, true, "PH");
        assertThat(p.candidates("1380601001")).containsExactly("1380601000", "1380600000", "1300000000", "PH");
        // a code equal to its own prefix skips it: a sub-municipality's parent is its city, a city's its region
        assertThat(p.candidates("1380601000")).containsExactly("1380600000", "1300000000", "PH");
        assertThat(p.candidates("1380100000")).containsExactly("1300000000", "PH");
        assertThat(p.candidates("1300000000")).containsExactly("PH");
        assertThat(p.apply(row(Map.of("unit_code", "0102801001")))).isEqualTo("0102801000");
    }

    @Test
    void concatLookupScaleAndRoundGiveExactValues() {
        assertThat(Expressions.concat("NP-{province}-{district}")
                        .apply(row(Map.of("province", "P1", "district", "DHA"))))
                .isEqualTo("NP-P1-DHA");
        assertThat(Expressions.concat("NP-{province}-{district}").apply(row(Map.of("province", "P1"))))
                .isNull();
        Derivation lookup = Expressions.lookup("region", Map.of("Koshi  Province", "NP-P1"), false);
        assertThat(lookup.apply(row(Map.of("region", "koshi province")))).isEqualTo("NP-P1");
        assertThatThrownBy(() -> lookup.apply(row(Map.of("region", "Madhesh"))))
                .isInstanceOf(ValueRejected.class)
                .hasMessage("region 'Madhesh' is not in the mapping's value table");
        assertThat(Expressions.scale("m", BigDecimal.valueOf(1_000_000)).apply(row(Map.of("m", "1043.20894512"))))
                .isEqualTo("1043208945.12");
        assertThat(Expressions.round("x", 4, RoundingMode.HALF_EVEN).apply(row(Map.of("x", "0.12345"))))
                .isEqualTo("0.1234");
        assertThat(Expressions.round("x", 4, RoundingMode.HALF_UP).apply(row(Map.of("x", "0.12345"))))
                .isEqualTo("0.1235");
        assertThat(Expressions.constant("PH").apply(row(Map.of()))).isEqualTo("PH");
    }

    @Test
    void countryNamesResolveFromTheLocaleDataAndTheAliasesAndAnUnknownNameIsRejectedByName() {
        CountryNames names = CountryNames.standard();
        assertThat(names.code("Philippines")).isEqualTo("PH");
        assertThat(names.code("Russian Federation")).isEqualTo("RU");
        assertThat(names.code("Korea, Rep.")).isEqualTo("KR");
        assertThat(names.code("Egypt, Arab Rep.")).isEqualTo("EG");
        assertThat(names.code("Gambia, The")).isEqualTo("GM");
        assertThat(names.code("Côte d’Ivoire")).isEqualTo("CI");
        assertThat(names.code("St. Lucia")).isEqualTo("LC");
        assertThat(names.code("Россия")).isEqualTo("RU");
        assertThat(names.code("NPL")).isEqualTo("NP");
        assertThat(names.code("Narnia")).isNull();
        assertThatThrownBy(() -> Expressions.countryName("sender_name").apply(row(Map.of("sender_name", "Narnia"))))
                .isInstanceOf(ValueRejected.class)
                .hasMessageStartingWith("sender_name 'Narnia' is not a country name Mizan knows");
    }
}
