package org.mizan.source;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses a header Mizan could only read by guessing: wider than the column limit, or naming one column twice
 * (which of the two would be read?). Names are compared as the mapping compares them: trimmed, runs of spaces
 * as one, case ignored. Empty header cells may repeat (spreadsheets leave them).
 */
final class HeaderCheck {

    private HeaderCheck() {}

    /** Refuses a row wider than the column limit (checked on every row offered as a header, before it is matched). */
    static void width(String[] names, String path, Limits limits, long line) {
        if (names.length > limits.columns()) {
            throw new MappingException(
                    path + ": line " + line + " (header) has " + names.length + " columns, more than the "
                            + limits.columns() + " Mizan reads (a wrong delimiter, or not a table?). "
                            + Limits.raise(Limits.COLUMNS, limits.columns()));
        }
    }

    /** Refuses a header that names one column twice, with both positions. */
    static void duplicates(String[] names, String path, long line) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            String key = names[i].replace("\uFEFF", "")
                    .strip()
                    .replaceAll("\\s+", " ")
                    .toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                throw new MappingException(path + ": line " + line + " (header) names the column '" + names[i].strip()
                        + "' twice, in columns "
                        + (first + 1) + " and " + (i + 1)
                        + ": Mizan cannot tell which one to read. Ask the source to rename or"
                        + " remove one of them.");
            }
        }
    }
}
