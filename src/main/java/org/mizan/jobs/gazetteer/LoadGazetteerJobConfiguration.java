package org.mizan.jobs.gazetteer;

import org.mizan.jobs.ingest.StandardIngestJob;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Job {@code load-gazetteer}: the admin-unit hierarchy (format 1) every other load checks its units against. */
@Configuration(proxyBeanMethods = false)
public class LoadGazetteerJobConfiguration {

    public static final String NAME = "load-gazetteer";

    @Bean
    Job loadGazetteerJob(StandardIngestJob jobs) {
        return jobs.named(NAME);
    }
}
