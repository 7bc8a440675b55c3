/**
 * Approval of published figures before national publication: workflows from {@code config/approvals.yml}, the
 * state per workflow, unit and period with its append-only audit (in the job repository's database), the rules of
 * who may approve what and when, the lock on loads an approval covers, and the snapshot the warehouse build reads.
 *
 * <p>May use: config, duckdb, jobs, lake, warehouse.
 */
package org.mizan.approval;
