/**
 * One package per job: its XxxJobConfiguration declares the {@code Job} bean (the standard three steps through
 * {@code jobs.ingest.StandardIngestJob}, shared by every ingest job) and its {@link org.mizan.jobs.JobDescriptor}
 * says what the job loads, its default mapping, whether its partitions rerun, and its help line. Here: the
 * {@link org.mizan.jobs.JobCatalogue} of those descriptors, which commands, schedules and launches validate job names
 * against, and {@code DefaultMappings}, which asks it for a file's mapping. Adding a job is adding its package.
 *
 * <p>May use: config, source.
 */
package org.mizan.jobs;
