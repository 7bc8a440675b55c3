package org.mizan.normalise;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.mizan.source.Limits;

/**
 * The one place that says what the lake and the warehouse can hold, derived from each dataset's Avro schema: a
 * decimal fits its {@code DECIMAL(p,s)} (at most s places, at most p-s digits before the point), a date or
 * timestamp lies in the years 1000 to 9999, an identifier or code ({@code _id, _code, _ref}) is at most
 * {@link Limits#idChars()} characters and other text {@link Limits#textChars()}. Every reader's records pass here
 * before they are staged, so one value the warehouse could not read is one rejected row, never a failed build.
 */
public final class ValueRanges {

    static final int MIN_YEAR = 1000;
    static final int MAX_YEAR = 9999;
    private static final long FIRST_SECOND =
            LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    private static final long END_SECOND =
            LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();

    private interface Check {
        void check(Object value);
    }

    private final Map<Schema, List<Map.Entry<Integer, Check>>> checks = new ConcurrentHashMap<>();
    private final Limits limits;

    /** The ranges with the limits in force now ({@link Limits#current()}). */
    public ValueRanges() {
        this(Limits.current());
    }

    public ValueRanges(Limits limits) {
        this.limits = limits;
    }

    /** Throws {@link RowRejected} at the first value of the record the warehouse cannot hold. */
    public void check(SpecificRecord r) {
        for (Map.Entry<Integer, Check> c : checks.computeIfAbsent(r.getSchema(), s -> checks(s, limits))) {
            Object v = r.get(c.getKey());
            if (v != null) {
                c.getValue().check(v);
            }
        }
    }

    /** The warehouse's decimal type of a value with this precision and scale, and its largest value, for messages. */
    public static String decimalRange(int precision, int scale) {
        String nines = "9".repeat(precision - scale) + (scale > 0 ? "." + "9".repeat(scale) : "");
        return "DECIMAL(" + precision + "," + scale + "): at most " + (precision - scale)
                + " digits before the point and " + scale + " after, up to ±" + nines;
    }

    /** A decimal read with {@code scale} places (more is {@code bad_number}: the one precision rule) that fits {@code precision}. */
    public static void decimal(String field, BigDecimal v, int precision, int scale) {
        if (v.scale() > scale && v.stripTrailingZeros().scale() > scale) {
            throw new RowRejected(
                    Rule.BAD_NUMBER,
                    field + " '" + v.toPlainString() + "' has more than " + scale
                            + " decimal places, more than the warehouse keeps");
        }
        if (v.precision() - v.scale() > precision - scale) {
            String shown = v.precision() - v.scale() > 40
                    ? v.round(new java.math.MathContext(8)).toString()
                    : v.toPlainString();
            throw new RowRejected(
                    Rule.BAD_NUMBER,
                    field + " '" + shown + "' is outside the range the warehouse keeps, "
                            + decimalRange(precision, scale));
        }
    }

    private static List<Map.Entry<Integer, Check>> checks(Schema schema, Limits limits) {
        List<Map.Entry<Integer, Check>> out = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
            Schema t = f.schema();
            if (t.getType() == Schema.Type.UNION) {
                t = t.getTypes().stream()
                        .filter(u -> u.getType() != Schema.Type.NULL)
                        .findFirst()
                        .orElse(t);
            }
            String name = f.name();
            LogicalType logical = t.getLogicalType();
            Check c = null;
            if (logical instanceof LogicalTypes.Decimal d) {
                c = v -> decimal(name, (BigDecimal) v, d.getPrecision(), d.getScale());
            } else if (logical instanceof LogicalTypes.Date) {
                c = v -> year(name, ((LocalDate) v).getYear(), Rule.BAD_DATE, v);
            } else if (logical != null && logical.getName().startsWith("timestamp")) {
                c = v -> {
                    long s = ((Instant) v).getEpochSecond();
                    if (s < FIRST_SECOND || s >= END_SECOND) {
                        year(name, ((Instant) v).atOffset(ZoneOffset.UTC).getYear(), Rule.BAD_TIMESTAMP, v);
                    }
                };
            } else if (t.getType() == Schema.Type.STRING) {
                boolean id = name.endsWith("_id") || name.endsWith("_code") || name.endsWith("_ref");
                int max = id ? limits.idChars() : limits.textChars();
                String env = id ? Limits.ID_CHARS : Limits.TEXT_CHARS;
                c = v -> {
                    int n = v.toString().length();
                    if (n > max) {
                        throw new RowRejected(
                                Rule.BAD_VALUE,
                                name + " is " + n + " characters long, more than the " + max + " Mizan keeps for "
                                        + (id ? "an identifier or code" : "a text") + ". " + Limits.raise(env, max));
                    }
                };
            }
            if (c != null) {
                out.add(Map.entry(f.pos(), c));
            }
        }
        return out;
    }

    /** The date or timestamp itself, when its year is one Mizan keeps; else {@code rule}'s reject. */
    static <T extends java.time.temporal.TemporalAccessor> T year(String field, String raw, T v, Rule rule) {
        year(field, v.get(java.time.temporal.ChronoField.YEAR), rule, raw);
        return v;
    }

    private static void year(String field, int year, Rule rule, Object v) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new RowRejected(
                    rule,
                    field + " '" + v + "' is outside the years " + MIN_YEAR + " to " + MAX_YEAR + " that Mizan keeps");
        }
    }
}
