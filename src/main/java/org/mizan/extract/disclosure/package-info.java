/**
 * Disclosure control for published person counts: primary suppression of small cells, secondary suppression so that
 * no suppressed cell can be recovered from row, column or hierarchy totals, and the exact audit that proves it.
 * Pure Java: the extract job builds one {@link org.mizan.extract.disclosure.CountTable} per measure and period,
 * calls {@link org.mizan.extract.disclosure.Suppression#apply} and refuses to publish when
 * {@link org.mizan.extract.disclosure.Audit#recoverable} is not empty.
 *
 * <p>May use: extract.disclosure.internal.
 */
package org.mizan.extract.disclosure;
