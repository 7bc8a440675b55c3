package org.mizan.extract;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The period an extract covers: a year ({@code 2024}), a quarter ({@code 2024-Q1}) or a month ({@code 2024-03}).
 * Views kept per year (the coherence views) give the year that holds the period; views kept per month or quarter
 * give the months of the period.
 */
public record ExtractPeriod(String label, String year, String fromMonth, String toMonth) {

    public static ExtractPeriod parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.matches("\\d{4}")) {
            return new ExtractPeriod(t, t, t + "-01", t + "-12");
        }
        if (t.matches("\\d{4}-Q[1-4]")) {
            int q = t.charAt(6) - '0';
            String y = t.substring(0, 4);
            return new ExtractPeriod(t, y, y + String.format("-%02d", 3 * q - 2), y + String.format("-%02d", 3 * q));
        }
        if (t.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            return new ExtractPeriod(t, t.substring(0, 4), t, t);
        }
        throw new IllegalArgumentException(
                "period '" + text + "' is not a year (2024), a quarter (2024-Q1) or a month (2024-03)");
    }

    /**
     * The period a schedule's fire on {@code day} extracts: {@code previous-quarter} (default), {@code previous-month},
     * {@code previous-year}, {@code current-year}, or a fixed period.
     */
    public static ExtractPeriod forSchedule(String rule, LocalDate day) {
        String r = rule == null ? "previous-quarter" : rule.strip();
        return switch (r) {
            case "previous-quarter" -> {
                LocalDate d = day.minusMonths(3);
                yield parse(d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1));
            }
            case "previous-month" -> parse(YearMonth.from(day).minusMonths(1).toString());
            case "previous-year" -> parse(String.valueOf(day.getYear() - 1));
            case "current-year" -> parse(String.valueOf(day.getYear()));
            default -> parse(r);
        };
    }
}
