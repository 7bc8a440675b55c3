package org.mizan.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.mizan.MizanCli;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code mizan serve --port 0} run in-process on a home, as a planner's server would run, until {@link #stop()};
 * with two users: {@code planner} (national) and {@code koshi} (regional, NP-P1).
 */
final class DashboardServer {

    static final String PLANNER_PASSWORD = "planner-pw";
    static final String KOSHI_PASSWORD = "koshi-pw";

    private final MizanCli.Running serve;
    private final String base;

    private DashboardServer(MizanCli.Running serve, String base) {
        this.serve = serve;
        this.base = base;
    }

    /** What serve printed so far. */
    String out() {
        return serve.out();
    }

    /** Starts serve on the home (its users file written first) and waits for the address it prints. */
    static DashboardServer start(MizanCli cli) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        try {
            Files.writeString(cli.home().resolve("dashboard-users.yml"), """
                    users:
                      - name: planner
                        password: "%s"
                        role: national
                      - name: koshi
                        password: "%s"
                        role: regional
                        region: NP-P1
                    """.formatted(
                            bcrypt.encode(PLANNER_PASSWORD), bcrypt.encode(KOSHI_PASSWORD)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return serve(cli);
    }

    /** Starts serve on the home as it is (its users file written by the caller), returning once it prints its address. */
    static DashboardServer serve(MizanCli cli) {
        MizanCli.Running serve = cli.start("serve", "--port", "0");
        return new DashboardServer(
                serve,
                serve.awaitOut(Pattern.compile("dashboard: (http://localhost:\\d+)/"))
                        .group(1));
    }

    /** http://localhost:PORT */
    String base() {
        return base;
    }

    /** Stops serve as Ctrl-C would: its wait is interrupted and the application closes. */
    void stop() {
        serve.stop();
    }
}
