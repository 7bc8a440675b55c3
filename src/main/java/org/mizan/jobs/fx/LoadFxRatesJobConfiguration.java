package org.mizan.jobs.fx;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Job {@code load-fx-rates}: rates per US dollar (format 8), or a per-euro file crossed through USD (ECB). */
@Configuration(proxyBeanMethods = false)
public class LoadFxRatesJobConfiguration {

    public static final String NAME = "load-fx-rates";

    @Bean
    Job loadFxRatesJob(JobRepository repository, org.mizan.steward.RunRecorder runRecorder, @Qualifier("ingestStep") Step ingest,
                       @Qualifier("publishLakeStep") Step publish, @Qualifier("buildWarehouseStep") Step build) {
        return new JobBuilder(NAME, repository).listener(runRecorder).start(ingest).next(publish).next(build).build();
    }
}
