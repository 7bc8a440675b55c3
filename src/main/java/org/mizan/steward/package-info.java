/**
 * The data steward's controls: who ran what and how it ended, killed runs made restartable, failure alerts.
 *
 * <p>May use: approval, config, duckdb, jobs, lake.
 */
package org.mizan.steward;
