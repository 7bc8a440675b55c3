/**
 * Job ingest-ledgers: IATI activity XML and code lists (streaming XML readers, several datasets per file), ledger
 * and plan CSVs.
 *
 * <p>May use: approval, config, jobs, jobs.ingest, lake, normalise, schema, source, source.iati, steward.
 */
package org.mizan.jobs.ledgers;
