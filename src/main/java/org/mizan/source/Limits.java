package org.mizan.source;

import java.util.Locale;

/**
 * The resource limits every load works within, so that the work a file can cause is bounded by these settings
 * and not by the file. Each is read from the environment ({@code MIZAN_MAX_…}) or the system property
 * ({@code mizan.max-…}), else its default; the table in jobs/README.md lists them. A refusal names the limit and
 * the variable that raises it ({@link #raise}).
 */
public record Limits(
        long lineBytes,
        int quotedLines,
        int columns,
        int idChars,
        int textChars,
        long xlsxExpandedBytes,
        int xlsxRatio) {

    public static final String LINE_BYTES = "MIZAN_MAX_LINE_BYTES";
    public static final String QUOTED_LINES = "MIZAN_MAX_QUOTED_LINES";
    public static final String COLUMNS = "MIZAN_MAX_COLUMNS";
    public static final String ID_CHARS = "MIZAN_MAX_ID_CHARS";
    public static final String TEXT_CHARS = "MIZAN_MAX_TEXT_CHARS";
    public static final String XLSX_EXPANDED_BYTES = "MIZAN_MAX_XLSX_EXPANDED_BYTES";
    public static final String XLSX_RATIO = "MIZAN_MAX_XLSX_RATIO";

    /** The defaults (jobs/README.md, "Limits"). */
    public static final Limits DEFAULTS = new Limits(1L << 20, 100, 2_000, 256, 10_000, 256L << 20, 100);

    /** The limits in force now: each setting that is given, else its default. */
    public static Limits current() {
        return new Limits(
                read(LINE_BYTES, DEFAULTS.lineBytes),
                (int) read(QUOTED_LINES, DEFAULTS.quotedLines),
                (int) read(COLUMNS, DEFAULTS.columns),
                (int) read(ID_CHARS, DEFAULTS.idChars),
                (int) read(TEXT_CHARS, DEFAULTS.textChars),
                read(XLSX_EXPANDED_BYTES, DEFAULTS.xlsxExpandedBytes),
                (int) read(XLSX_RATIO, DEFAULTS.xlsxRatio));
    }

    /** The system property that stands for an environment variable: MIZAN_MAX_LINE_BYTES is mizan.max-line-bytes. */
    public static String property(String env) {
        return "mizan."
                + env.substring("MIZAN_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The sentence a refusal ends with: how to raise the limit when the file is right. */
    public static String raise(String env, long value) {
        return "If the file is right, raise the limit: " + env + "=" + (value * 2) + " (now " + value + ").";
    }

    private static long read(String env, long def) {
        String v = System.getProperty(property(env), System.getenv(env));
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            long n = Long.parseLong(v.strip().replace("_", ""));
            if (n > 0 && n <= Integer.MAX_VALUE * 16L) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MappingException(env + "='" + v + "' is not a whole number above 0 (its default is " + def + ").");
    }
}
