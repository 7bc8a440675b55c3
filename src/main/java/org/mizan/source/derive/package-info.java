/**
 * Field expressions a mapping may declare under {@code derive:} (a constant, a code's prefix, concatenation, a value
 * table, country names to ISO codes, scale, rounding), so that a source's quirks need a mapping, not Java.
 *
 * <p>May use: nothing of Mizan.
 */
package org.mizan.source.derive;
