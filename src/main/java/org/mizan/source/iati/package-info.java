/**
 * Streaming, entity-safe readers of IATI XML: activity files (standard 2.0x) and code lists.
 *
 * <p>May use: source.
 */
package org.mizan.source.iati;
