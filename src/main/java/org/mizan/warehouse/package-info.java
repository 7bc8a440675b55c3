/**
 * The DuckDB warehouse: built from warehouse/*.sql, published by switching a link, read-only queries.
 *
 * <p>May use: config, duckdb, lake, quality.
 */
package org.mizan.warehouse;
