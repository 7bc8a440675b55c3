package org.mizan.jobs.extracts;

import java.io.PrintWriter;
import java.util.List;
import org.mizan.approval.ApprovalStore;
import org.mizan.config.MizanHome;
import org.mizan.extract.ExtractPeriod;
import org.mizan.extract.ExtractRun;
import org.mizan.extract.Recipient;
import org.mizan.extract.Recipients;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Job {@code extract-region}: the region's extract for a period, for each recipient of the region in
 * {@code config/extracts.yml} (or the one named by {@code recipient}); with none configured, a release kept in
 * {@code MIZAN_HOME/extracts/<region>/}. Parameters: {@code region}, {@code period}, optional {@code recipient}.
 * Fails (exit 1) when a delivery failed, after trying every one; the next run tries it again.
 */
@Configuration(proxyBeanMethods = false)
public class ExtractRegionJobConfiguration {

    public static final String NAME = "extract-region";

    @Bean
    Job extractRegionJob(
            JobRepository repository,
            PlatformTransactionManager tx,
            MizanHome home,
            ApprovalStore approvals,
            org.mizan.steward.RunRecorder runRecorder) {
        return new JobBuilder(NAME, repository)
                .listener(runRecorder)
                .start(new StepBuilder("extract", repository)
                        .tasklet(
                                (contribution, chunk) -> {
                                    JobParameters p = chunk.getStepContext()
                                            .getStepExecution()
                                            .getJobExecution()
                                            .getJobParameters();
                                    run(
                                            home,
                                            p.getString("region"),
                                            p.getString("period"),
                                            p.getString("recipient"),
                                            approvals);
                                    return RepeatStatus.FINISHED;
                                },
                                tx)
                        .build())
                .build();
    }

    static void run(MizanHome home, String region, String period, String recipient, ApprovalStore approvals)
            throws Exception {
        ExtractPeriod extractPeriod = ExtractPeriod.parse(period);
        List<Recipient> all = Recipients.load(home);
        List<Recipient> targets = recipient != null
                ? List.of(Recipients.byId(all, recipient))
                : all.stream().filter(r -> r.region().equals(region)).toList();
        if (targets.isEmpty()) {
            targets = List.of(Recipient.adHoc(region));
        }
        PrintWriter out = new PrintWriter(System.out, true);
        StringBuilder failures = new StringBuilder();
        for (Recipient r : targets) {
            if (region != null && !r.region().equals(region)) {
                throw new IllegalArgumentException(
                        "recipient " + r.id() + " receives region " + r.region() + ", not " + region);
            }
            ExtractRun.Outcome o = ExtractRun.run(home, r, extractPeriod, out, approvals);
            o.failures().forEach(f -> failures.append(f).append("; "));
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(
                    "delivery failed: " + failures + "the releases are kept and the next run delivers them");
        }
    }
}
