package org.mizan.warehouse;

import java.util.regex.Pattern;

/**
 * One field of a CSV file written from the warehouse (a regional extract, a dashboard download): RFC 4180
 * quoting, and a guard against formula injection. A text that a spreadsheet would run as a formula (it starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is written with a leading
 * apostrophe, so that Excel and LibreOffice show it as text; a number (a negative amount) is written as it is.
 */
public final class CsvCell {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvCell() {}

    /** The field as it goes into the file: guarded, then quoted when it holds a comma, quote or line break. */
    public static String field(String s) {
        String v = guarded(s);
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** The text with a leading apostrophe when a spreadsheet would take it for a formula. */
    static String guarded(String s) {
        if (s.isEmpty()
                || "=+-@\t\r".indexOf(s.charAt(0)) < 0
                || NUMBER.matcher(s).matches()) {
            return s;
        }
        return "'" + s;
    }
}
