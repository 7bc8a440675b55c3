/** One package per job with its XxxJobConfiguration; the steps every ingest job shares are in jobs.ingest. */
package org.mizan.jobs;
