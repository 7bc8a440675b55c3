/**
 * Checks and conversions of raw records into canonical Avro records, each failure a rejected row with its rule.
 *
 * <p>May use: duckdb, lake, pseudonym, schema, source, source.derive, source.iati.
 */
package org.mizan.normalise;
