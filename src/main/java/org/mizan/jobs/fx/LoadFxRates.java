package org.mizan.jobs.fx;

import java.util.List;
import org.mizan.jobs.JobDescriptor;
import org.mizan.jobs.ingest.StandardIngestJob;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Job {@code load-fx-rates}: rates per US dollar (format 8), or a per-euro file crossed through USD (ECB). */
@Configuration(proxyBeanMethods = false)
public class LoadFxRates extends JobDescriptor {

    public static final String NAME = "load-fx-rates";

    public LoadFxRates() {
        super(NAME, List.of("fx_rates"), "FX rates per US dollar (format 8) or per euro (ECB)", "defaults/fx-rates");
    }

    @Bean
    Job loadFxRatesJob(StandardIngestJob jobs) {
        return jobs.named(NAME);
    }
}
