package org.mizan.dashboard;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mizan.MizanCli;
import org.mizan.cli.MizanMain;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code mizan serve --port 0} run in-process on a home, as a planner's server would run, until {@link #stop()};
 * with two users: {@code planner} (national) and {@code koshi} (regional, NP-P1).
 */
final class DashboardServer {

    static final String PLANNER_PASSWORD = "planner-pw";
    static final String KOSHI_PASSWORD = "koshi-pw";

    private final Thread thread;
    private final String base;
    private final StringWriter out;

    private DashboardServer(Thread thread, String base, StringWriter out) {
        this.thread = thread;
        this.base = base;
        this.out = out;
    }

    /** What serve printed so far. */
    String out() {
        return out.toString();
    }

    /** Starts serve on the home (its users file written first) and waits for the address it prints. */
    static DashboardServer start(MizanCli cli) throws InterruptedException {
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
                    """.formatted(bcrypt.encode(PLANNER_PASSWORD), bcrypt.encode(KOSHI_PASSWORD)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return serve(cli);
    }

    /** Starts serve on the home as it is (its users file written by the caller). */
    static DashboardServer serve(MizanCli cli) throws InterruptedException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        System.setProperty("mizan.home", cli.home().toString());
        Thread t = new Thread(() -> MizanMain.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "serve", "--port", "0", "--run-for", "PT20M"), "mizan-serve");
        t.setDaemon(true);
        t.start();
        Pattern address = Pattern.compile("dashboard: (http://localhost:\\d+)/");
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until && t.isAlive()) {
            Matcher m = address.matcher(out.toString());
            if (m.find()) {
                return new DashboardServer(t, m.group(1), out);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not print its address:\n" + out + err);
    }

    /** http://localhost:PORT */
    String base() {
        return base;
    }

    /** Stops serve as Ctrl-C would: its wait is interrupted and the application closes. */
    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join(30_000);
    }
}
