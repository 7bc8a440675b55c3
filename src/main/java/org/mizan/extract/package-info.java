/**
 * Regional extracts: the releases a recipient receives (CSV files, scorecard, manifest) for its region and period,
 * read from the published warehouse, with small person counts suppressed ({@code disclosure}) and delivered to an
 * outbox or SFTP server ({@code delivery}); recipients from {@code config/recipients.yml}.
 *
 * <p>May use: approval, config, csv, duckdb, extract.delivery, extract.disclosure, lake, source, warehouse.
 */
package org.mizan.extract;
