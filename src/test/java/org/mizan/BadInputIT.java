package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Files that are not what their mapping says, and command lines that cannot work: clear messages, the right exit code. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private static final String HEADER =
            "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel";

    private final MizanCli cli = MizanCli.inTempHome("bad");
    private Path dir;

    @BeforeAll
    void gazetteer() throws IOException {
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        dir = MizanCli.tempDir("bad-input");
    }

    @Test
    void aFileWithTheWrongDelimiterFailsNamingTheFileAndTheFix() throws IOException {
        Path f = write(
                "semicolons.csv",
                HEADER.replace(',', ';')
                        + "\nT-1;MTO-017;2024-03-02T09:14:00+03:00;QA;NP-P1-DHA-M01;1500.00;QAR;25.00;1.10;mto\n");
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + f, "mapping=defaults/remittances");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains("FAILED: " + f + ": line 1 (header) lacks required column(s) txn_id [txn_id]")
                .contains("Check the file's delimiter (',')");
    }

    @Test
    void aFileWithoutItsStandardColumnsAsksForAMapping() throws IOException {
        Path f = write("other.csv", "ref,date,amount\n1,2024-03-01,10\n");
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + f);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(f + ": not a standard remittance file").contains("pass mapping=NAME");
    }

    @Test
    void aBinaryFileIsRefused() throws IOException {
        Path f = dir.resolve("export.csv");
        Files.write(f, new byte[] {'t', 'x', 'n', '_', 'i', 'd', ',', 0, 1, 2, 3, 'P', 'K'});
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + f, "mapping=defaults/remittances");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(f + ": looks binary (a NUL byte at offset 7), not a text export");
    }

    @Test
    void anEmptyFileAndAHeaderOnlyFileFailWithoutTouchingTheLake() throws IOException {
        Path empty = write("empty.csv", "");
        MizanCli.Result e = cli.run("run", "ingest-remittances", "file=" + empty);
        assertThat(e.code()).isEqualTo(1);
        assertThat(e.out()).contains("FAILED: " + empty + ": the file is empty. Ask the source to deliver it again.");
        Path headerOnly = write("header-only.csv", HEADER + "\n");
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + headerOnly);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(headerOnly + ": has a header but no data rows, so the lake was left as it was");
    }

    @Test
    void aFileInTheWrongEncodingNamesTheLineAndTheSetting() throws IOException {
        Path f = dir.resolve("cp1251.csv");
        Files.writeString(
                f,
                HEADER
                        + "\nT-1,MTO-017,2024-03-02T09:14:00+03:00,QA,NP-P1-DHA-M01,1500.00,QAR,25.00,,mto\nT-2,MTO-017,2024-03-02T09:14:00+03:00,QA,Дханкута,1500.00,QAR,25.00,,mto\n",
                java.nio.charset.Charset.forName("windows-1251"));
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + f);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains(
                        "cp1251.csv: line 3 is not valid UTF-8. Declare the file's real encoding in mapping 'defaults/remittances'");
    }

    @Test
    void aTruncatedLastLineIsRejectedAndTheGoodRowsAreLoaded() throws IOException {
        Path f = write(
                "truncated.csv",
                HEADER
                        + "\nT-1,MTO-017,2024-03-02T09:14:00+03:00,QA,NP-P1-DHA-M01,1500.00,QAR,25.00,,mto\nT-2,MTO-017,2024-03-02T09:1");
        MizanCli.Result r = cli.run("run", "ingest-remittances", "file=" + f);
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("2 lines read: 1 transaction stored, 1 rejected")
                .contains("rejected by rule: malformed_line 1");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(cli.run("run", "ingest-everything", "file=x.csv").err()).contains("unknown job 'ingest-everything'");
        assertThat(cli.run("run", "ingest-everything", "file=x.csv").code()).isEqualTo(2);
        assertThat(cli.run("run", "load-fx-rates").err()).contains("run load-fx-rates needs file=PATH");
        assertThat(cli.run(
                                "run",
                                "load-fx-rates",
                                "file=" + MizanCli.FIXTURES.resolve("fx/fx_rates.csv"),
                                "mapping=remittances/nowhere")
                        .err())
                .contains("no mapping 'remittances/nowhere'");
        assertThat(cli.run(
                                "run",
                                "load-fx-rates",
                                "file=" + MizanCli.FIXTURES.resolve("fx/fx_rates.csv"),
                                "mapping=defaults/remittances")
                        .err())
                .contains(
                        "mapping 'defaults/remittances' loads remittance_transactions, which job load-fx-rates does not load");
        assertThat(cli.run("frobnicate").code()).isEqualTo(2);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {
            "demo",
            "run",
            "query",
            "status",
            "history",
            "show",
            "rejects",
            "rerun",
            "backfill",
            "abandon",
            "prune",
            "serve",
            "dictionary",
            "dashboard"
        }) {
            MizanCli.Result r = cli.run(command, "--help");
            assertThat(r.code()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: mizan " + command);
        }
        // (wrapped to the terminal's width since issue 20: compared with its line breaks as spaces)
        assertThat(cli.run("--help").out().replaceAll("\\s+", " "))
                .contains("Exit codes: 0 success, 1 a job failed or rejected its whole input, 2 usage");
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
