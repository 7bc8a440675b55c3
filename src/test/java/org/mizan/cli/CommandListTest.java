package org.mizan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code mizan --help} lists every command with a one-line summary of its own, never a description cut mid-sentence. */
class CommandListTest {

    @Test
    void theCommandListGivesEachCommandItsOneLineSummary() {
        // given / when
        StringWriter out = new StringWriter();
        int code = MizanMain.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");

        // then: one line per command (80 columns, no terminal here), the name and its summary
        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        List<String> commands = lines.subList(lines.indexOf("Commands:") + 1, lines.size());
        assertThat(commands)
                .containsExactly(
                        "  demo           Loads the fixtures into MIZAN_HOME/demo and shows the results.",
                        "  run            Runs a job on one file and rebuilds the warehouse.",
                        "  query          Runs a read-only SQL statement or named query on the warehouse.",
                        "  status         Shows recent loads, partitions, schedules and the warehouse.",
                        "  history        Lists job executions, newest first.",
                        "  show           Shows one execution: steps, counts, rejects, failure reason.",
                        "  rejects        Lists the rows an execution rejected, with file, line and rule.",
                        "  rerun          Restarts a failed run, or reads one partition again.",
                        "  worker         Runs the ingest partitions a manager sends over RabbitMQ.",
                        "  backfill       Loads a source's partitions over a range of periods.",
                        "  abandon        Marks a failed or stopped execution as given up for good.",
                        "  prune          Deletes old executions and their quarantine files.",
                        "  serve          Runs the schedules and serves the dashboard until stopped.",
                        "  dictionary     Prints the data dictionary of the public views as Markdown.",
                        "  rotate-key     Re-keys every stored pseudonym with a new key.",
                        "  dashboard      Writes the dashboard as a folder of static HTML pages.",
                        "  approve        Approves a unit's figures for a period.",
                        "  unapprove      Undoes an approval while the level above has not approved.",
                        "  accept         Accepts the approval of the level below.",
                        "  approvals      Shows the approval state of a unit and of the units below it.",
                        "  check-mapping  Shows how a file would load through a mapping; writes nothing.",
                        "  flags          Lists the values the data-quality checks flagged.",
                        "  review         Accepts or rejects a value the data-quality checks flagged.",
                        "  help           Display help information about the specified command.");
    }

    @Test
    void aCommandsOwnHelpStartsWithItsUsageAndDescription() {
        // when
        StringWriter out = new StringWriter();
        MizanMain.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "status", "--help");

        // then: the summary is the list's; the command's own help opens with the usage line and the full description
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("Usage: mizan status");
        assertThat(out.toString()).doesNotContain("Shows recent loads, partitions, schedules and the warehouse.");
    }
}
