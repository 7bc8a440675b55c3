/**
 * One package per job with its XxxJobConfiguration; the steps every ingest job shares are in jobs.ingest. Here:
 * what a job loads and the default mapping for a file in a standard format ({@code DefaultMappings}).
 *
 * <p>May use: config, source.
 */
package org.mizan.jobs;
