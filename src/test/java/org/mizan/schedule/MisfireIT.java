package org.mizan.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mizan.MizanCli;
import org.mizan.config.MizanHome;

/**
 * A schedule's trigger due while no scheduler ran (three daily slots missed) fires exactly once when
 * {@code mizan serve} starts, loads the inbox's new file once, and is then due again at its next slot; a second
 * missed fire with nothing new in the inbox loads nothing. On the default H2 job repository.
 */
class MisfireIT {

    @Test
    void aTriggerMissedWhileStoppedFiresOnceOnStart() throws Exception {
        MizanCli cli = MizanCli.inTempHome("misfire");
        cli.load("load-gazetteer", "gazetteer/admin_units.csv");
        cli.load("load-fx-rates", "fx/fx_rates.csv");
        Path inbox = Files.createDirectories(cli.home().resolve("inbox/mto"));
        Files.copy(MizanCli.FIXTURES.resolve("remittances/mto-017_2024-03.csv"), inbox.resolve("mto-017_2024-03.csv"));
        Files.writeString(cli.home().resolve("schedules.yml"), """
                schedules:
                  - job: ingest-remittances
                    source: MTO-017
                    inbox: inbox/mto
                    files: "*.csv"
                    cron: "0 0 2 * * ?"
                    time-zone: Asia/Kathmandu
                    late-after: P35D
                  - job: ingest-remittances
                    source: NBT
                    inbox: inbox/nbt
                    cron: "0 30 2 5 * ?"
                    late-after: P40D
                """);
        // serve once: the trigger is stored, next due at the coming 02:00 Kathmandu time; nothing fires
        MizanCli.Running serving = cli.start("serve");
        serving.awaitOut(STARTED);
        MizanCli.Result first = serving.stop();
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("scheduled ingest-remittances:MTO-017 (0 0 2 * * ? Asia/Kathmandu)");
        assertThat(FireLog.fires(new MizanHome(cli.home()), "ingest-remittances:MTO-017"))
                .isEmpty();
        long nextBefore = nextFireTime(cli.home());
        assertThat(nextBefore).isGreaterThan(System.currentTimeMillis());

        // the machine was down for three days: three 02:00 slots passed
        long due = nextBefore - Duration.ofDays(3).toMillis();
        setNextFireTime(cli.home(), due);
        java.time.Instant restart = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // serve runs until the missed slot has fired, its load is over and the trigger waits for a slot to come
        MizanCli.Result second = serveUntil(cli.home(), 1);
        assertThat(second.code()).as(second.err()).isZero();
        // the trigger was kept, not re-created (that would have forgotten the missed slot)
        assertThat(second.out()).doesNotContain("scheduled ingest-remittances").doesNotContain("rescheduled");

        List<String> fires = FireLog.fires(new MizanHome(cli.home()), "ingest-remittances:MTO-017");
        assertThat(fires).hasSize(1);
        // fired once at start (a misfire is fired "now", so its due time is not the old slot's), and loaded the file
        // once
        assertThat(fires.get(0)).contains("loaded execution 3 COMPLETED mto-017_2024-03.csv");
        java.time.Instant firedDue =
                java.time.Instant.parse(fires.get(0).split("\t")[2].substring("due ".length()));
        assertThat(firedDue).isAfterOrEqualTo(restart);
        // then the trigger waits for its next regular slot: 02:00 Kathmandu is 20:15 UTC
        long nextAfter = nextFireTime(cli.home());
        assertThat(nextAfter).isGreaterThan(System.currentTimeMillis());
        assertThat(java.time.Instant.ofEpochMilli(nextAfter).toString()).endsWith("T20:15:00Z");
        assertThat(cli.value("select count(*) from remittance_transactions")).isEqualTo("137");

        // missed again with nothing new in the inbox: one fire, no load
        setNextFireTime(cli.home(), nextAfter - Duration.ofDays(2).toMillis());
        assertThat(serveUntil(cli.home(), 2).code()).isZero();
        fires = FireLog.fires(new MizanHome(cli.home()), "ingest-remittances:MTO-017");
        assertThat(fires).hasSize(2);
        assertThat(fires.get(1)).contains("nothing new in " + inbox);
        assertThat(cli.run("history", "--job", "ingest-remittances")
                        .out()
                        .lines()
                        .filter(l -> l.contains("mto-017_2024-03.csv")))
                .hasSize(1);

        // status shows the schedule, its last fire and that the source is on time
        String status = cli.run("status").out();
        assertThat(status)
                .containsPattern("ingest-remittances:MTO-017 +0 0 2 \\* \\* \\? Asia/Kathmandu +\\S+T20:15:00Z +"
                        + fires.get(1).split("\t")[0] + " +\\S+ \\S+ +on time");
        assertThat(status)
                .containsPattern(
                        "ingest-remittances:NBT +0 30 2 5 \\* \\? UTC +\\S+T02:30:00Z +never +never +LATE: never loaded");
        // and the partition the fire loaded, with its counts
        assertThat(status).containsPattern("ingest-remittances +MTO-017 +2024-03 +135 +3 +COMPLETED .* 137 +15");
    }

    private static final java.util.regex.Pattern STARTED = java.util.regex.Pattern.compile("scheduler \\S+ started");

    /** Runs serve until the schedule has this many fires and its trigger is next due in the future, then stops it. */
    private static MizanCli.Result serveUntil(Path home, int fires) {
        MizanCli.Running serving = new MizanCli(home).start("serve");
        serving.awaitOut(STARTED);
        MizanHome h = new MizanHome(home);
        org.mizan.Await.onChangeIn(
                FireLog.file(h).getParent(),
                fires + " fire(s) logged",
                () -> FireLog.fires(h, "ingest-remittances:MTO-017").size() >= fires);
        org.mizan.Await.probe("the trigger waits for its next slot", () -> {
            try {
                return nextFireTime(home) > System.currentTimeMillis();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return serving.stop();
    }

    static long nextFireTime(Path home) throws Exception {
        try (Connection c = h2(home);
                PreparedStatement ps = c.prepareStatement(
                        "select next_fire_time from qrtz_triggers where trigger_name = 'ingest-remittances:MTO-017'")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    static void setNextFireTime(Path home, long millis) throws Exception {
        try (Connection c = h2(home);
                PreparedStatement ps = c.prepareStatement(
                        "update qrtz_triggers set next_fire_time = ? where trigger_name = 'ingest-remittances:MTO-017'")) {
            ps.setLong(1, millis);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static Connection h2(Path home) throws Exception {
        return DriverManager.getConnection(
                "jdbc:h2:file:" + home.resolve("repository/batch") + ";AUTO_SERVER=TRUE", "sa", "");
    }
}
