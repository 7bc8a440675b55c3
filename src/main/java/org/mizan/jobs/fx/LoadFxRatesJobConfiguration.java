package org.mizan.jobs.fx;

import org.mizan.jobs.ingest.StandardIngestJob;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Job {@code load-fx-rates}: rates per US dollar (format 8), or a per-euro file crossed through USD (ECB). */
@Configuration(proxyBeanMethods = false)
public class LoadFxRatesJobConfiguration {

    public static final String NAME = "load-fx-rates";

    @Bean
    Job loadFxRatesJob(StandardIngestJob jobs) {
        return jobs.named(NAME);
    }
}
