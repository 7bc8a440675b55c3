package org.mizan.normalise;

import java.time.LocalDate;

/** The period labels partitions and views use: {@code 2024-03} for a month, {@code 2024-Q1} for a quarter. */
public final class Periods {

    private Periods() {}

    public static String month(LocalDate d) {
        int m = d.getMonthValue();
        return d.getYear() + (m < 10 ? "-0" : "-") + m;
    }

    public static String quarter(LocalDate d) {
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    /** A {@code YYYY-MM} label checked; its first day. */
    public static LocalDate firstDayOfMonth(String field, String v) {
        if (v == null || !v.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            throw new RowRejected(Rule.BAD_DATE, field + " '" + v + "' is not a month (YYYY-MM)");
        }
        return LocalDate.parse(v + "-01");
    }
}
