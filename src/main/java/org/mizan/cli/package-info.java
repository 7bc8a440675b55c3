/**
 * The command line: one class per command (demo, run, query, status), the launcher's entry point and its output.
 *
 * <p>May use: application, approval, config, csv, dashboard, dashboard.web, duckdb, extract, jobs, jobs.extracts,
 * jobs.fx, jobs.gazetteer, jobs.ingest, jobs.ledgers, jobs.registries, jobs.remittances, lake, normalise, pseudonym,
 * quality, schedule, source, steward, warehouse.
 */
package org.mizan.cli;
