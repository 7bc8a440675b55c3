package org.mizan.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mizan.Await;
import org.mizan.MizanCli;
import org.mizan.PostgresTestSchema;
import org.mizan.config.MizanHome;

/**
 * Two schedulers ({@code mizan serve} twice, as on two machines) sharing one PostgreSQL job repository and one
 * home: a trigger due once fires on exactly one of them, and its load runs once. Without a PostgreSQL server the
 * test is skipped with a notice; under .ci/run (MIZAN_REQUIRE_SERVICES=1) it fails instead.
 */
class ClusteredSchedulingIT {

    private static final String URL = PostgresTestSchema.URL;
    private PostgresTestSchema pg;
    private String schema;

    @BeforeEach
    void schema() {
        pg = PostgresTestSchema.create("mizan_cluster", "ClusteredSchedulingIT");
        schema = pg.name();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        pg.drop();
    }

    @Test
    void twoSchedulersFireOneTriggerOnce() throws Exception {
        MizanCli cli = MizanCli.inTempHome("cluster");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("load-fx-rates", "fx/fx_rates.csv");
        Path inbox = Files.createDirectories(cli.home().resolve("inbox/mto"));
        Files.copy(MizanCli.FIXTURES.resolve("remittances/mto-017_2024-03.csv"), inbox.resolve("mto-017_2024-03.csv"));
        // a trigger due once, 20 s from now (a cron with a year), so that both schedulers are up when it is due
        ZonedDateTime due = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20).withNano(0);
        Files.writeString(
                cli.home().resolve("schedules.yml"),
                String.format(
                        """
                schedules:
                  - job: ingest-remittances
                    source: MTO-017
                    inbox: inbox/mto
                    cron: "%d %d %d %d %d ? %d"
                    time-zone: UTC
                """,
                        due.getSecond(),
                        due.getMinute(),
                        due.getHour(),
                        due.getDayOfMonth(),
                        due.getMonthValue(),
                        due.getYear()));

        // in one JVM, Quartz keeps one connection provider per scheduler name: the one started last serves both,
        // so it is also the one stopped last (on two machines each has its own)
        MizanCli.Running a = cli.start("serve");
        a.awaitOut(STARTED);
        waitForSchedulers(1);
        MizanCli.Running b = cli.start("serve");
        b.awaitOut(STARTED);
        waitForSchedulers(2);
        // both run until the trigger has fired and its load is over (the fire log's line is written after the load)
        Await.onChangeIn(
                FireLog.file(new MizanHome(cli.home())).getParent(),
                "the trigger's load is logged",
                () -> FireLog.fires(new MizanHome(cli.home()), "ingest-remittances:MTO-017").stream()
                        .anyMatch(l -> l.contains("loaded execution")));
        MizanCli.Result ra = a.stop();
        MizanCli.Result rb = b.stop();
        assertThat(ra.code()).as(ra.err()).isZero();
        assertThat(rb.code()).as(rb.err()).isZero();
        List<String> fires = FireLog.fires(new MizanHome(cli.home()), "ingest-remittances:MTO-017");
        assertThat(fires).as("fires of the one trigger").hasSize(1);
        assertThat(fires.get(0))
                .contains("\tdue " + due.toInstant())
                .contains("loaded execution 3 COMPLETED mto-017_2024-03.csv");
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + schema + ".batch_job_execution e join " + schema
                        + ".batch_job_instance i using (job_instance_id) where i.job_name = 'ingest-remittances'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("ingest executions").isEqualTo(1);
        }
        assertThat(cli.value("select count(*) from remittance_transactions")).isEqualTo("137");
    }

    private static final Pattern STARTED = Pattern.compile("scheduler \\S+ started");

    /** Waits until this many scheduler instances have checked in to the cluster. */
    private void waitForSchedulers(int n) {
        Await.probe(n + " scheduler(s) checked in", () -> {
            try (Connection c = DriverManager.getConnection(URL, "postgres", "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from " + schema + ".qrtz_scheduler_state")) {
                return rs.next() && rs.getInt(1) >= n;
            } catch (SQLException e) {
                return false; // the tables are not there yet
            }
        });
    }
}
