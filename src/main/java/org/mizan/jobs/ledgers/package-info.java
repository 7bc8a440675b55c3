/** Job ingest-ledgers: IATI activity XML and code lists (streaming XML readers, several datasets per file), ledger and plan CSVs. */
package org.mizan.jobs.ledgers;
