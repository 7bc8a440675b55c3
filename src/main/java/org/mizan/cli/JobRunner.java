package org.mizan.cli;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Map;

import org.mizan.MizanApplication;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application once for a command and launches jobs in it, each with the file and mapping given. */
final class JobRunner implements Closeable {

    static final Map<String, String> JOB_BEANS = Map.of(
            "ingest-remittances", "ingestRemittancesJob",
            "load-gazetteer", "loadGazetteerJob",
            "load-fx-rates", "loadFxRatesJob");

    private final ConfigurableApplicationContext context;

    JobRunner() {
        SpringApplication app = new SpringApplication(MizanApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        this.context = app.run();
    }

    JobExecution run(String job, Path file, String mapping) throws Exception {
        JobParameters params = new JobParametersBuilder()
                .addString("file", file.toAbsolutePath().normalize().toString())
                .addString("mapping", mapping)
                .addLong("delivery", System.currentTimeMillis())
                .toJobParameters();
        return context.getBean(JobOperator.class).start(context.getBean(JOB_BEANS.get(job), Job.class), params);
    }

    JobRepository repository() {
        return context.getBean(JobRepository.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
