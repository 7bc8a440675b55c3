/** The arithmetic behind disclosure control: the table's relations, exact fractions, row spaces and a simplex. */
package org.mizan.extract.disclosure.internal;
