package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@code prune}: old runs and their quarantine files go; the lake and the warehouse stay. */
class PruneIT {

    @Test
    void pruneForgetsOldRunsAndTheirRejectsButNotTheData() throws Exception {
        MizanCli cli = MizanCli.inTempHome("prune");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("ingest-remittances", "remittances/bnk-003_2024-03.jsonl");
        Path quarantine = cli.home().resolve("quarantine/ingest-remittances/2_bnk-003_2024-03.jsonl.rejects.csv");
        assertThat(quarantine).exists();
        // nothing ended before 2000
        assertThat(cli.run("prune", "--older-than", "2000-01-01").out())
                .isEqualTo("pruned 0 execution(s) and 0 quarantine file(s) older than 2000-01-01T00:00\n");
        String tomorrow = LocalDate.now().plusDays(1).toString();
        // a dry run lists and keeps
        MizanCli.Result dry = cli.run("prune", "--older-than", tomorrow, "--dry-run");
        assertThat(dry.out())
                .contains("would delete execution 2 (ingest-remittances, ended ")
                .contains("would prune 2 execution(s)");
        assertThat(cli.run("history").out().lines().count()).isEqualTo(3);
        // the real one deletes
        MizanCli.Result r = cli.run("prune", "--older-than", tomorrow);
        assertThat(r.out())
                .contains("deleted execution 1 (load-gazetteer")
                .contains("pruned 2 execution(s) and 1 quarantine file(s)");
        assertThat(cli.run("history").out()).isEqualTo("no job has run yet\n");
        assertThat(quarantine).doesNotExist();
        assertThat(cli.value("select count(*) from remittance_transactions")).isEqualTo("89");
        assertThat(Files.list(cli.home().resolve("lake/remittance_transactions"))
                        .count())
                .isPositive();
    }
}
