package org.mizan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.mizan.cli.Applications;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Keeps the Spring application a command booted, and lends it to the next command on the same home with the same
 * settings, so that a test running many commands in-process boots it once per home instead of once per command.
 * A command that runs while another holds the home's application (a load started in the background) boots its own,
 * as a second process would. Applications of {@code serve} and {@code worker} are never kept; nor is one whose
 * command changed its state for itself ({@code --reopen}), one whose job repository is on PostgreSQL (its pool of
 * connections would idle there), or one whose job repository file was deleted under it (the demo wipes its home).
 * The few most recently used are kept; older ones are closed.
 */
final class SharedApplications implements Applications.Source {

    /** Applications kept idle at most (a test class works in one or a few homes at a time). */
    private static final int KEPT = 3;

    private static final SharedApplications INSTANCE = new SharedApplications();

    /** Idle applications, least recently used first, each with its key. */
    private final Deque<Map.Entry<String, ConfigurableApplicationContext>> idle = new ArrayDeque<>();

    /** Commands that asked for an application, and the applications booted for them (with the time it took). */
    private final java.util.concurrent.atomic.AtomicLong commands = new java.util.concurrent.atomic.AtomicLong();

    private final java.util.concurrent.atomic.AtomicLong boots = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong bootNanos = new java.util.concurrent.atomic.AtomicLong();

    private SharedApplications() {}

    /**
     * Appends to {@code target/shared-applications.txt} how many commands this JVM ran and how many applications
     * they booted (to see what sharing saves: {@code -Dmizan.test.boot-per-command=true} boots one per command).
     */
    private static void reportAtExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                java.nio.file.Files.writeString(
                        Path.of("target", "shared-applications.txt"),
                        String.format(
                                "pid %d: %d commands, %d applications booted in %d s; %d s of CPU%n",
                                ProcessHandle.current().pid(),
                                INSTANCE.commands.get(),
                                INSTANCE.boots.get(),
                                INSTANCE.bootNanos.get() / 1_000_000_000L,
                                MizanCli.cpuNanos() / 1_000_000_000L),
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException | RuntimeException e) {
                // only the figures are lost
            }
        }));
    }

    /** Boots an application for a command, counting it. */
    static Applications.Lease boot(SpringApplication app, String[] args, boolean shareable) {
        INSTANCE.commands.incrementAndGet();
        long t = System.nanoTime();
        Applications.Lease lease = Applications.BOOT_PER_COMMAND.open(app, args, shareable);
        INSTANCE.boots.incrementAndGet();
        INSTANCE.bootNanos.addAndGet(System.nanoTime() - t);
        return lease;
    }

    /**
     * Installs the shared applications for every command run in this JVM; with {@code share} false, every command
     * boots its own as the launcher does (counted all the same, see {@link #reportAtExit}).
     */
    static synchronized void install(boolean share) {
        Applications.install(share ? INSTANCE : SharedApplications::boot);
        reportAtExit();
    }

    @Override
    public Applications.Lease open(SpringApplication app, String[] args, boolean shareable) {
        if (!shareable || app.getWebApplicationType() != WebApplicationType.NONE) {
            return boot(app, args, shareable);
        }
        String key = key(args);
        ConfigurableApplicationContext kept = take(key);
        if (kept != null) {
            commands.incrementAndGet();
            return new Lease(key, kept);
        }
        ConfigurableApplicationContext booted = boot(app, args, true).context();
        if (embedded(booted)) {
            BOOTED_ON.put(booted, repositoryFile(booted));
        }
        return new Lease(key, booted);
    }

    /**
     * The job repository file of each kept application, as it was when the application booted: its environment
     * resolves {@code ${mizan.home}} from the system property each time it is asked, and the property names the home
     * of whichever command ran last (the demo's outer home when the demo releases its inner one: its application was
     * then not found, not closed, and H2's lock watchdog wrote batch.lock.db again into the home being wiped).
     */
    private static final Map<ConfigurableApplicationContext, Path> BOOTED_ON =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * The settings an application was booted with: its command line and every {@code mizan.*} and {@code spring.*}
     * system property (the home among them), which the application's environment reads.
     */
    private static String key(String[] args) {
        Map<String, String> props = new TreeMap<>();
        System.getProperties().forEach((k, v) -> {
            String name = k.toString();
            if (name.startsWith("mizan.") || name.startsWith("spring.")) {
                props.put(name, String.valueOf(v));
            }
        });
        return String.join(" ", args) + " " + props + " " + settingsOf(props.get("mizan.home"));
    }

    /**
     * The home's own settings files as they are now (name, size, modification time): the YAML files at its top
     * ({@code schedules.yml}, {@code dashboard-users.yml}, ...) and under {@code config/} and {@code quality/}. An
     * application reads them when it boots, so one booted before a test changed them is not lent again.
     */
    private static String settingsOf(String home) {
        if (home == null) {
            return "";
        }
        Path root = Path.of(home);
        StringBuilder out = new StringBuilder();
        try (var top = Files.list(root)) {
            for (Path p : top.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && (name.endsWith(".yml") || name.endsWith(".yaml"))) {
                    // (not the files a command writes there as it runs: .load.lock.holder, alerts.log, ...)
                    out.append(stamp(p));
                } else if (name.equals("config") || name.equals("quality")) {
                    try (var all = Files.walk(p)) {
                        for (Path q : all.filter(Files::isRegularFile).sorted().toList()) {
                            out.append(stamp(q));
                        }
                    }
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return "unreadable " + System.nanoTime(); // never matches: a fresh application
        }
        return out.toString();
    }

    private static String stamp(Path p) throws java.io.IOException {
        return p + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis() + ";";
    }

    /**
     * Closes the idle applications whose job repository file is in {@code home}: the demo wipes its home, and an
     * application kept there would go on writing into the folder as it is deleted.
     */
    @Override
    public void release(Path home) {
        java.util.List<ConfigurableApplicationContext> closing = new java.util.ArrayList<>();
        synchronized (this) {
            for (Iterator<Map.Entry<String, ConfigurableApplicationContext>> i = idle.iterator(); i.hasNext(); ) {
                ConfigurableApplicationContext c = i.next().getValue();
                if (!embedded(c) || repositoryFile(c).toAbsolutePath().startsWith(home.toAbsolutePath())) {
                    i.remove();
                    closing.add(c);
                }
            }
        }
        // all closed before waiting: two applications on one home share its H2 database, which closes with the last
        java.util.Set<Path> repositories = new java.util.LinkedHashSet<>();
        for (ConfigurableApplicationContext c : closing) {
            if (embedded(c)) {
                repositories.add(repositoryFile(c));
            }
            c.close();
        }
        repositories.forEach(SharedApplications::awaitClosed);
    }

    /**
     * Returns once H2 has closed the job repository's file: the pool hands its connections to a thread of its own
     * to close, and H2 compacts the file as the last one closes, which on a loaded machine goes on after the
     * application's close returned (the demo's wipe of its home then failed on a file H2 was still writing). H2
     * holds {@code <file>.lock.db} while the database is open (AUTO_SERVER locks by file) and deletes it on close.
     */
    private static void awaitClosed(Path repository) {
        Path lock = Path.of(repository + ".lock.db");
        Path dir = lock.getParent();
        if (dir != null && Files.isDirectory(dir)) {
            Await.onChangeIn(dir, "H2 closing " + repository, () -> !Files.exists(lock));
        }
    }

    /** Closes the applications kept idle on {@code home} (and waits until their job repository's file is closed). */
    static void closeIn(Path home) {
        INSTANCE.release(home);
    }

    private ConfigurableApplicationContext take(String key) {
        ConfigurableApplicationContext found = null;
        synchronized (this) {
            for (Iterator<Map.Entry<String, ConfigurableApplicationContext>> i = idle.iterator(); i.hasNext(); ) {
                Map.Entry<String, ConfigurableApplicationContext> e = i.next();
                if (e.getKey().equals(key)) {
                    i.remove();
                    found = e.getValue();
                    break;
                }
            }
        }
        if (found != null && !usable(found)) {
            found.close();
            return null;
        }
        return found;
    }

    private static final String H2_FILE = "jdbc:h2:file:";

    /** Its job repository is the home's H2 file (the default), not a server's database. */
    private static boolean embedded(ConfigurableApplicationContext c) {
        return c.getEnvironment().getProperty("spring.datasource.url", "").startsWith(H2_FILE);
    }

    /** Still running, and its job repository's file still where it was booted. */
    private static boolean usable(ConfigurableApplicationContext c) {
        if (!c.isActive() || !embedded(c)) {
            return false;
        }
        return Files.exists(Path.of(repositoryFile(c) + ".mv.db"));
    }

    /** The H2 file of an embedded application's job repository, without its {@code .mv.db}. */
    private static Path repositoryFile(ConfigurableApplicationContext c) {
        Path booted = BOOTED_ON.get(c);
        if (booted != null) {
            return booted;
        }
        String url = c.getEnvironment().getProperty("spring.datasource.url", "");
        int end = url.indexOf(';');
        return Path.of(url.substring(H2_FILE.length(), end < 0 ? url.length() : end));
    }

    private void giveBack(String key, ConfigurableApplicationContext c) {
        ConfigurableApplicationContext closing = null;
        ConfigurableApplicationContext evicted = null;
        synchronized (this) {
            if (!c.isActive()
                    || !embedded(c)
                    || idle.stream().anyMatch(e -> e.getKey().equals(key))) {
                // a second application on the home (booted while the first was lent): one is enough; one on a
                // server's job repository (PostgreSQL) is not kept, so that no pool of connections idles there
                closing = c;
            } else {
                idle.addLast(Map.entry(key, c));
                if (idle.size() > KEPT) {
                    evicted = idle.removeFirst().getValue();
                }
            }
        }
        if (closing != null) {
            closing.close();
        }
        if (evicted != null) {
            evicted.close();
        }
    }

    /** One command's loan of an application. */
    private final class Lease implements Applications.Lease {

        private final String key;
        private final ConfigurableApplicationContext context;
        private boolean ownOnly;

        Lease(String key, ConfigurableApplicationContext context) {
            this.key = key;
            this.context = context;
        }

        @Override
        public ConfigurableApplicationContext context() {
            return context;
        }

        @Override
        public void keepToItself() {
            ownOnly = true;
        }

        @Override
        public void close() {
            if (ownOnly) {
                context.close();
            } else {
                giveBack(key, context);
            }
        }
    }
}
