package org.mizan.source.derive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.UnaryOperator;

/** {@code {round: FIELD, places: 2, rule: half_up|half_even|down}}: a decimal rounded to {@code places}, by the stated rule. */
record Round(String input, int places, RoundingMode rule) implements Derivation {

    @Override
    public String apply(UnaryOperator<String> field) {
        String v = field.apply(input);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.strip()).setScale(places, rule).toPlainString();
        } catch (NumberFormatException e) {
            throw new ValueRejected("bad_number", input + " '" + v + "' is not a number to round");
        }
    }

    @Override
    public List<String> inputs() {
        return List.of(input);
    }
}
