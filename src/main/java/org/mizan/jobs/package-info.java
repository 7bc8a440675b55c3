/**
 * One package per job. A job package's {@link org.mizan.jobs.JobDescriptor} says what the job loads, its default
 * mapping, whether its partitions rerun, which partitioned job loads a delivery of several files, the name approval
 * workflows give its data, and its help line; a standard job's descriptor also declares its {@code Job} bean (the
 * three steps of {@code jobs.ingest.StandardIngestJob}), a job with steps of its own has a job configuration beside
 * it. Here: the {@link org.mizan.jobs.JobCatalogue} of those descriptors, which commands, schedules, launches and
 * approval workflows take job names and their help from, and {@code DefaultMappings}, which asks it for a file's
 * mapping. Adding a job is adding its package (the descriptor and its package-info), its default mappings under
 * {@code jobs/defaults/}, and its name in {@code JobCatalogueTest}.
 *
 * <p>May use: config, source.
 */
package org.mizan.jobs;
