package org.mizan.extract.disclosure.internal;

/**
 * An exact rational number over {@code long}, always reduced with a positive denominator. Arithmetic that would
 * overflow throws {@link ArithmeticException}: the audit then fails rather than answer wrongly. (The tables' relations
 * have coefficients 0 and ±1 and, being sums over a hierarchy, keep their eliminations in small integers.)
 */
public final class Fraction implements Comparable<Fraction> {

    /** Zero. */
    public static final Fraction ZERO = new Fraction(0, 1);
    /** One. */
    public static final Fraction ONE = new Fraction(1, 1);

    private final long num;
    private final long den;

    private Fraction(long num, long den) {
        this.num = num;
        this.den = den;
    }

    /** The integer {@code value}. */
    public static Fraction of(long value) {
        return value == 0 ? ZERO : value == 1 ? ONE : new Fraction(value, 1);
    }

    private static Fraction reduced(long num, long den) {
        if (den < 0) {
            num = Math.negateExact(num);
            den = Math.negateExact(den);
        }
        long gcd = gcd(Math.abs(num), den);
        return num == 0 ? ZERO : new Fraction(num / gcd, den / gcd);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** {@code this + other}. */
    public Fraction plus(Fraction other) {
        if (den == 1 && other.den == 1) {
            return of(Math.addExact(num, other.num));
        }
        return reduced(
                Math.addExact(Math.multiplyExact(num, other.den), Math.multiplyExact(other.num, den)),
                Math.multiplyExact(den, other.den));
    }

    /** {@code this - other}. */
    public Fraction minus(Fraction other) {
        return plus(other.negate());
    }

    /** {@code this * other}. */
    public Fraction times(Fraction other) {
        if (den == 1 && other.den == 1) {
            return of(Math.multiplyExact(num, other.num));
        }
        return reduced(Math.multiplyExact(num, other.num), Math.multiplyExact(den, other.den));
    }

    /** {@code this / other}; other must not be zero. */
    public Fraction dividedBy(Fraction other) {
        if (other.num == 0) {
            throw new ArithmeticException("division by zero");
        }
        return reduced(Math.multiplyExact(num, other.den), Math.multiplyExact(den, other.num));
    }

    /** {@code -this}. */
    public Fraction negate() {
        return num == 0 ? ZERO : new Fraction(Math.negateExact(num), den);
    }

    /** -1, 0 or 1. */
    public int signum() {
        return Long.signum(num);
    }

    /** Whether this is zero. */
    public boolean isZero() {
        return num == 0;
    }

    @Override
    public int compareTo(Fraction other) {
        return minus(other).signum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fraction f && f.num == num && f.den == den;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(num) * 31 + Long.hashCode(den);
    }

    @Override
    public String toString() {
        return den == 1 ? Long.toString(num) : num + "/" + den;
    }
}
