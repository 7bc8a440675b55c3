/**
 * Job {@code ingest-registries}: municipal registries of people and service deliveries, pseudonymised at ingestion.
 *
 * <p>May use: config, jobs, jobs.ingest, steward.
 */
package org.mizan.jobs.registries;
