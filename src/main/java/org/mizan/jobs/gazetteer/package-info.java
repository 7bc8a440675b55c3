/**
 * Job {@code load-gazetteer}: the administrative units and their hierarchy, in the standard three ingest steps.
 *
 * <p>May use: jobs, jobs.ingest, steward.
 */
package org.mizan.jobs.gazetteer;
