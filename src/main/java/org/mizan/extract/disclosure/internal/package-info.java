/**
 * The arithmetic behind disclosure control: the table's relations, exact fractions, row spaces and a simplex.
 *
 * <p>May use: extract.disclosure.
 */
package org.mizan.extract.disclosure.internal;
