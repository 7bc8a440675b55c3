/**
 * The floor every stage may stand on: DuckDB connections opened the way Mizan uses them (UTC, bounded memory,
 * read-only and locked-down sessions) and the SQL files under {@code warehouse/} read as text and split into
 * statements. It knows nothing of the lake, the warehouse build or any job.
 *
 * <p>May use: nothing of Mizan.
 */
package org.mizan.duckdb;
