/**
 * Data quality: the checks of {@code config/quality.yml} (outliers and implausible values), which the warehouse
 * build turns into the {@code data_quality_flags} view, and the steward's durable review decisions and exclusions.
 *
 * <p>May use: config, duckdb, source.
 */
package org.mizan.quality;
