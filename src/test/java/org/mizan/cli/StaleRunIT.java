package org.mizan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.mizan.MizanCli;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** A run left STARTED by a process that was killed is recognised and marked FAILED, so it can be rerun or abandoned. */
class StaleRunIT {

    @Test
    void aRunWhoseProcessIsGoneIsMarkedFailedWithTheReason() throws Exception {
        MizanCli cli = MizanCli.inTempHome("stale");
        System.setProperty("mizan.home", cli.home().toString());
        // given a run recorded as started by a process that has since died
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        long id;
        try (JobRunner runner = new JobRunner(new java.io.PrintWriter(System.err, true))) {
            JobRepository repository = runner.repository();
            var params = new JobParametersBuilder()
                    .addString("file", "/in/feed.csv")
                    .addString("mapping", "defaults/remittances")
                    .addLong("delivery", 1L)
                    .toJobParameters();
            JobInstance instance = repository.createJobInstance("ingest-remittances", params);
            ExecutionContext ctx = new ExecutionContext();
            ctx.putLong("mizan.pid", dead.pid());
            ctx.putString("mizan.host", java.net.InetAddress.getLocalHost().getHostName());
            JobExecution e = repository.createJobExecution(instance, params, ctx);
            e.setStatus(BatchStatus.STARTED);
            e.setStartTime(LocalDateTime.now());
            repository.update(e);
            id = e.getId();
        }
        // when the steward next looks
        MizanCli.Result r = cli.run("history");
        // then it is FAILED, with the reason, and can be abandoned
        assertThat(r.err())
                .contains("mizan: execution " + id
                        + " (ingest-remittances) was still marked running, but its process is gone: marked FAILED");
        assertThat(r.out()).containsPattern("\\n\\s+" + id + "  ingest-remittances\\s+FAILED ");
        assertThat(cli.run("show", String.valueOf(id)).out())
                .contains("  reason:   the process that ran it (pid " + dead.pid() + " on ")
                .contains("is gone: it was killed or crashed");
        java.nio.file.Path staging =
                java.nio.file.Files.createDirectories(cli.home().resolve("lake/_staging/ingest-remittances-" + id));
        assertThat(cli.run("abandon", String.valueOf(id)).out()).contains("is now ABANDONED");
        // an abandoned run is never resumed: its staged files are gone
        assertThat(staging).doesNotExist();
    }
}
