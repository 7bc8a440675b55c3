package org.mizan.source.derive;

import java.util.List;
import java.util.function.UnaryOperator;

/** {@code {constant: X}}: the same value on every row. */
record Constant(String value) implements Derivation {

    @Override
    public String apply(UnaryOperator<String> field) {
        return value;
    }

    @Override
    public List<String> inputs() {
        return List.of();
    }
}
