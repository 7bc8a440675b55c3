/**
 * Schedules from {@code config/schedules.yml}: Quartz triggers that load every new file of an inbox and run
 * recipients' extracts, and the log of their fires.
 *
 * <p>May use: config, extract, jobs, source, steward.
 */
package org.mizan.schedule;
