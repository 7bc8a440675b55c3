package org.mizan.steward;

import org.mizan.config.MizanHome;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listener every job carries: the process that runs it, and an alert when it fails. */
@Configuration(proxyBeanMethods = false)
public class StewardConfiguration {

    @Bean
    RunRecorder runRecorder(
            JobRepository repository, MizanHome home, @Value("${mizan.alerts.webhook:}") String webhook) {
        return new RunRecorder(repository, home, webhook);
    }
}
