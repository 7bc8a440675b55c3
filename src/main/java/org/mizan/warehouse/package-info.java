/**
 * The DuckDB warehouse: built from warehouse/*.sql, published by switching a link, read-only queries.
 *
 * <p>May use: config, csv, duckdb, lake, quality.
 */
package org.mizan.warehouse;
