package org.mizan.normalise;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.mizan.source.Mapping;
import org.mizan.source.RawRecord;

/** Typed reads of a raw record's fields, each failing with the rule it breaks and the value that broke it. */
public final class Fields {

    private final Mapping mapping;
    private final DateTimeFormatter timestampPattern;
    private final ZoneId zone;
    private final DateTimeFormatter datePattern;

    public Fields(Mapping mapping) {
        this.mapping = mapping;
        this.timestampPattern = mapping.timestampPattern() == null
                ? null
                : DateTimeFormatter.ofPattern(mapping.timestampPattern().replace("yyyy", "uuuu"))
                        .withResolverStyle(ResolverStyle.STRICT);
        this.zone = mapping.timeZone() == null ? null : ZoneId.of(mapping.timeZone());
        this.datePattern = mapping.datePattern() == null
                ? DateTimeFormatter.ISO_LOCAL_DATE
                : DateTimeFormatter.ofPattern(mapping.datePattern().replace("yyyy", "uuuu"))
                        .withResolverStyle(ResolverStyle.STRICT);
    }

    public String required(RawRecord r, String field) {
        String v = r.get(field);
        if (v == null) {
            throw new RowRejected(Rule.REQUIRED, field + " is empty");
        }
        return v;
    }

    public OffsetDateTime timestamp(String field, String v) {
        try {
            if (timestampPattern != null) {
                // a pattern with an offset (Z, X, x, O) says it in each value; else the mapping's time_zone does
                return ValueRanges.year(
                        field,
                        v,
                        zone == null
                                ? OffsetDateTime.parse(v, timestampPattern)
                                : LocalDateTime.parse(v, timestampPattern)
                                        .atZone(zone)
                                        .toOffsetDateTime(),
                        Rule.BAD_TIMESTAMP);
            }
            OffsetDateTime fast = IsoTimestamps.parse(v);
            return ValueRanges.year(field, v, fast != null ? fast : OffsetDateTime.parse(v), Rule.BAD_TIMESTAMP);
        } catch (DateTimeException | NullPointerException e) {
            throw new RowRejected(
                    Rule.BAD_TIMESTAMP,
                    field + " '" + v + "' is not "
                            + (timestampPattern != null
                                    ? "in the pattern " + mapping.timestampPattern()
                                    : "ISO 8601 with an offset (2024-03-02T09:14:00+03:00)"));
        }
    }

    public LocalDate date(String field, String v) {
        try {
            return ValueRanges.year(field, v, LocalDate.parse(v, datePattern), Rule.BAD_DATE);
        } catch (DateTimeParseException e) {
            throw new RowRejected(
                    Rule.BAD_DATE,
                    field + " '" + v + "' is not a date ("
                            + (mapping.datePattern() == null ? "YYYY-MM-DD" : mapping.datePattern()) + ")");
        }
    }

    /** A decimal with at most {@code scale} places, read with the mapping's separators. */
    public BigDecimal decimal(String field, String v, int scale) {
        String s = v;
        if (mapping.thousandsSeparator() != null) {
            s = s.replace(mapping.thousandsSeparator(), "");
        }
        if (mapping.decimalSeparator() != '.') {
            if (s.indexOf('.') >= 0) {
                throw badNumber(field, v);
            }
            s = s.replace(mapping.decimalSeparator(), '.');
        }
        int n = s.length();
        int start = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        int dot = -1;
        int digits = 0;
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.' && dot < 0) {
                dot = i;
            } else if (c >= '0' && c <= '9') {
                digits++;
            } else {
                throw badNumber(field, v);
            }
        }
        if (digits == 0) {
            throw badNumber(field, v);
        }
        if (dot >= 0 && n - dot - 1 > scale) {
            throw new RowRejected(Rule.BAD_NUMBER, field + " '" + v + "' has more than " + scale + " decimal places");
        }
        return new BigDecimal(s).setScale(scale);
    }

    public long integer(String field, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new RowRejected(Rule.BAD_NUMBER, field + " '" + v + "' is not a whole number");
        }
    }

    private RowRejected badNumber(String field, String v) {
        return new RowRejected(
                Rule.BAD_NUMBER,
                field + " '" + v + "' is not a decimal number"
                        + (mapping.decimalSeparator() != '.'
                                ? " with '" + mapping.decimalSeparator() + "' as separator"
                                : ""));
    }

    public Mapping mapping() {
        return mapping;
    }
}
