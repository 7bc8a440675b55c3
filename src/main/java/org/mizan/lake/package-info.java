/**
 * The Parquet lake: partitioned writes of Avro records, the unit-of-load replace protocol, reading records back.
 *
 * <p>May use: duckdb, schema.
 */
package org.mizan.lake;
