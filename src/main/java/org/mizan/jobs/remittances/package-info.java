/**
 * Job {@code ingest-remittances}: remittance transactions, corridor aggregates and costs, in the standard three
 * ingest steps.
 *
 * <p>May use: config, jobs, jobs.ingest, steward.
 */
package org.mizan.jobs.remittances;
