/**
 * The steps every ingest job shares: read and check a file, stage it, publish it to the lake, rebuild the
 * warehouse.
 *
 * <p>May use: approval, config, csv, duckdb, lake, normalise, pseudonym, schema, source, source.derive, steward,
 * warehouse.
 */
package org.mizan.jobs.ingest;
