package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The steward's commands on a home with a good load, a load with bad rows, and a failed one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StewardCommandsIT {

    private final MizanCli cli = MizanCli.inTempHome("steward");
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private HttpServer webhook;

    @BeforeAll
    void loads() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/alerts", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        System.setProperty(
                "mizan.alerts.webhook",
                "http://127.0.0.1:" + webhook.getAddress().getPort() + "/alerts");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv"); // execution 1
        cli.load("ingest-remittances", "remittances/mto-017_2024-03.csv"); // execution 2, 15 rejects
        Path bad = MizanCli.tempDir("steward").resolve("all-bad.csv");
        Files.writeString(
                bad,
                "txn_id,provider_id,sent_at,sender_country,receiving_unit_code,amount,currency,fee,fx_margin_pct,channel\n"
                        + "T-1,MTO-017,2024-03-02T09:14:00+03:00,QA,NP-P9-NOWHERE,10,QAR,1,,mto\n");
        assertThat(cli.run("run", "ingest-remittances", "file=" + bad).code()).isEqualTo(1); // execution 3, failed
    }

    @AfterAll
    void stop() {
        System.clearProperty("mizan.alerts.webhook");
        webhook.stop(0);
    }

    @Test
    void historyListsEveryRunNewestFirstAndFilters() {
        String all = cli.run("history").out();
        assertThat(all.lines()
                        .skip(1)
                        .map(l -> l.strip().split("\\s+")[0] + " " + l.strip().split("\\s+")[2])
                        .toList())
                .containsExactly("3 FAILED", "2 COMPLETED", "1 COMPLETED");
        assertThat(all)
                .containsPattern(
                        "\\n\\s+2  ingest-remittances\\s+COMPLETED .*\\s+152\\s+137\\s+15  mto-017_2024-03.csv\\n");
        assertThat(cli.run("history", "--job", "load-gazetteer").out().lines().count())
                .isEqualTo(2);
        assertThat(cli.run("history", "--since", "2999-01-01").out()).isEqualTo("no job has run yet\n");
        assertThat(cli.run("history", "--since", "yesterday").err()).contains("--since 'yesterday' is not a day");
    }

    @Test
    void showGivesEachStepTheRejectsByRuleAndTheReasonOfAFailure() {
        String ok = cli.run("show", "2").out();
        assertThat(ok)
                .startsWith("execution 2  ingest-remittances  COMPLETED\n")
                .containsPattern("step ingest\\s+COMPLETED\\s+read 152  written 152  commits 1")
                .contains("  rows:     152 lines read: 137 transactions stored, 15 rejected\n")
                .contains("    duplicate_in_file      2\n")
                .contains("    unknown_unit           1\n")
                .contains("  rejects:  "
                        + cli.home().resolve("quarantine/ingest-remittances/2_mto-017_2024-03.csv.rejects.csv"));
        String failed = cli.run("show", "3").out();
        assertThat(failed)
                .startsWith("execution 3  ingest-remittances  FAILED\n")
                .contains("  reason:   ")
                .contains("all-bad.csv: every one of its 1 rows was rejected, so the lake was left as it was");
        assertThat(cli.run("show", "99").err()).contains("no execution 99");
    }

    @Test
    void rejectsPrintsLinesAndRulesAndExportsCsv() {
        String table = cli.run("rejects", "2", "--rule", "duplicate_in_file").out();
        assertThat(table)
                .containsPattern(
                        "mto-017_2024-03.csv\\s+52\\s+duplicate_in_file\\s+txn_id T-2024-017-0003 of MTO-017 was already accepted at line 4\\n")
                .containsPattern(
                        "mto-017_2024-03.csv\\s+120\\s+duplicate_in_file\\s+txn_id \\S+ of MTO-017 was already accepted at line \\d+\\n")
                .endsWith("(2 rows)\n");
        String csv = cli.run("rejects", "2", "--rule", "unknown_unit", "--format", "csv")
                .out();
        assertThat(csv)
                .isEqualTo(
                        "source_file,line,rule,message,raw\n"
                                + "mto-017_2024-03.csv,86,unknown_unit,receiving_unit_code 'NP-P1-DHA-M99' is not in the gazetteer,"
                                + "\"T-2024-017-0085,MTO-017,2024-03-16T15:20:22+03:00,SA,NP-P1-DHA-M99,6482.00,SAR,17.50,1.35,mto\"\n");
        assertThat(cli.run("rejects", "1").out()).isEqualTo("execution 1 rejected no row\n");
    }

    @Test
    void aFailedRunIsLoggedAsAnAlertAndPostedToTheWebhook() throws IOException {
        List<String> alerts = Files.readAllLines(cli.home().resolve("alerts.log"));
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0))
                .matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ FAILED ingest-remittances execution 3 file \\S+all-bad.csv: "
                                + "\\S+all-bad.csv: every one of its 1 rows was rejected.*");
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0))
                .startsWith("{\"text\": \"" + alerts.get(0).substring(0, 20))
                .contains("FAILED ingest-remittances execution 3");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aFailedRunCanBeAbandoned() {
        MizanCli.Result r = cli.run("abandon", "3");
        assertThat(r.out()).isEqualTo("execution 3 (ingest-remittances) is now ABANDONED\n");
        assertThat(cli.run("show", "3").out()).startsWith("execution 3  ingest-remittances  ABANDONED\n");
    }
}
