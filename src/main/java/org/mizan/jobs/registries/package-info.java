/** Job {@code ingest-registries}: municipal registries of people and service deliveries, pseudonymised at ingestion. */
package org.mizan.jobs.registries;
