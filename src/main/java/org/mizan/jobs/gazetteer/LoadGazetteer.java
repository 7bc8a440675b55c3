package org.mizan.jobs.gazetteer;

import java.util.List;
import org.mizan.jobs.JobDescriptor;
import org.mizan.jobs.ingest.StandardIngestJob;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Job {@code load-gazetteer}: the admin-unit hierarchy (format 1) every other load checks its units against. */
@Configuration(proxyBeanMethods = false)
public class LoadGazetteer extends JobDescriptor {

    public static final String NAME = "load-gazetteer";

    public LoadGazetteer() {
        super(NAME, List.of("admin_units"), "the admin units and their hierarchy (format 1)", "defaults/admin-units");
    }

    @Bean
    Job loadGazetteerJob(StandardIngestJob jobs) {
        return jobs.named(NAME);
    }
}
