package org.mizan.approval;

import java.time.LocalDate;
import java.time.YearMonth;

/** The period a workflow approves: a month ({@code 2024-03}), a quarter ({@code 2024-Q1}) or a year ({@code 2024}). */
public enum PeriodType {
    MONTH("\\d{4}-(0[1-9]|1[0-2])", "2024-03", 1),
    QUARTER("\\d{4}-Q[1-4]", "2024-Q1", 3),
    YEAR("\\d{4}", "2024", 12);

    private final String pattern;
    private final String example;
    private final int months;

    PeriodType(String pattern, String example, int months) {
        this.pattern = pattern;
        this.example = example;
        this.months = months;
    }

    public static PeriodType of(String name, String where) {
        for (PeriodType t : values()) {
            if (t.label().equals(name)) {
                return t;
            }
        }
        throw new ApprovalException(where + ": period '" + name + "' is not month, quarter or year");
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean matches(String period) {
        return period != null && period.matches(pattern);
    }

    /** The period as given; an error naming the expected form when it is not one of this type. */
    public String check(String period, String workflow) {
        if (!matches(period)) {
            throw new ApprovalException("period '" + period + "' is not a " + label() + ": workflow " + workflow
                    + " approves by " + label() + " (e.g. " + example + ")");
        }
        return period;
    }

    public LocalDate start(String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        return switch (this) {
            case MONTH -> YearMonth.parse(period).atDay(1);
            case QUARTER -> LocalDate.of(year, (period.charAt(6) - '1') * 3 + 1, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    /** The last day of the period. */
    public LocalDate end(String period) {
        return start(period).plusMonths(months).minusDays(1);
    }

    /** The period of this type that holds the day. */
    public String of(LocalDate day) {
        return switch (this) {
            case MONTH -> YearMonth.from(day).toString();
            case QUARTER -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(day.getYear());
        };
    }
}
