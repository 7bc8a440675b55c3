package org.mizan.jobs.gazetteer;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Job {@code load-gazetteer}: the admin-unit hierarchy (format 1) every other load checks its units against. */
@Configuration(proxyBeanMethods = false)
public class LoadGazetteerJobConfiguration {

    public static final String NAME = "load-gazetteer";

    @Bean
    Job loadGazetteerJob(JobRepository repository, org.mizan.steward.RunRecorder runRecorder, @Qualifier("ingestStep") Step ingest,
                         @Qualifier("publishLakeStep") Step publish, @Qualifier("buildWarehouseStep") Step build) {
        return new JobBuilder(NAME, repository).listener(runRecorder).start(ingest).next(publish).next(build).build();
    }
}
