package org.mizan.source.derive;

import java.util.List;
import java.util.function.UnaryOperator;

/** {@code {country_name: FIELD}}: a country's name (or ISO alpha-2 / alpha-3 code) as its ISO 3166-1 alpha-2 code. */
record CountryName(String input) implements Derivation {

    @Override
    public String apply(UnaryOperator<String> field) {
        String v = field.apply(input);
        if (v == null) {
            return null;
        }
        String code = CountryNames.standard().code(v);
        if (code == null) {
            throw new ValueRejected(
                    "bad_country",
                    input + " '" + v + "' is not a country name Mizan knows (ISO 3166-1"
                            + " names in the JDK's locale data, and the aliases listed in docs/formats.md); add it to the mapping's"
                            + " country_aliases");
        }
        return code;
    }

    @Override
    public List<String> inputs() {
        return List.of(input);
    }
}
