package org.mizan.source.derive;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;

/** {@code {scale: FIELD, by: 1000000}}: a decimal multiplied exactly (US$ millions to US$). */
record Scale(String input, BigDecimal by) implements Derivation {

    @Override
    public String apply(UnaryOperator<String> field) {
        String v = field.apply(input);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.strip()).multiply(by).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw new ValueRejected(
                    "bad_number", input + " '" + v + "' is not a number to scale by " + by.toPlainString());
        }
    }

    @Override
    public List<String> inputs() {
        return List.of(input);
    }
}
