package org.mizan.source.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code {concat: "NP-{province}-{district}"}}: text with each {@code {field}} replaced by its value; null when one is empty. */
record Concat(String template) implements Derivation {

    private static final Pattern FIELD = Pattern.compile("\\{([a-z0-9_]+)}");

    @Override
    public String apply(UnaryOperator<String> field) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = field.apply(m.group(1));
            if (v == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public List<String> inputs() {
        List<String> out = new ArrayList<>();
        Matcher m = FIELD.matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
