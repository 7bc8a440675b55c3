/**
 * Job {@code load-fx-rates}: rates per US dollar (format 8), or a per-euro file crossed through USD, in the
 * standard three ingest steps.
 *
 * <p>May use: jobs, jobs.ingest, steward.
 */
package org.mizan.jobs.fx;
