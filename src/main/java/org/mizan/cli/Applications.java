package org.mizan.cli;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where a command's Spring application comes from. The launcher boots one for its command and closes it when the
 * command ends ({@link #BOOT_PER_COMMAND}, the default). A JVM that runs many commands one after another (the
 * integration tests, which run them in-process through {@link MizanMain#execute}) may install a source that keeps
 * an application between commands on the same home instead of booting one for each.
 */
public final class Applications {

    private Applications() {}

    /** An application lent to one command; closing it ends the loan. */
    public interface Lease extends AutoCloseable {

        ConfigurableApplicationContext context();

        /** The command changed its application's state for itself (e.g. {@code --reopen}): never lend it again. */
        default void keepToItself() {}

        @Override
        void close();
    }

    /** Gives a command its application. */
    @FunctionalInterface
    public interface Source {

        /**
         * @param app the application as the command configured it
         * @param args its command line of Spring properties
         * @param shareable false for a command whose application must be its own (it serves, or works as a worker)
         */
        Lease open(SpringApplication app, String[] args, boolean shareable);

        /**
         * A command is about to delete {@code home} (the demo wipes its own): close any application this source
         * keeps whose files are there. A launcher's process keeps none.
         */
        default void release(java.nio.file.Path home) {}
    }

    /** What a process of the launcher does: boots the application for the command and closes it after. */
    public static final Source BOOT_PER_COMMAND = (app, args, shareable) -> {
        ConfigurableApplicationContext context = app.run(args);
        return new Lease() {
            @Override
            public ConfigurableApplicationContext context() {
                return context;
            }

            @Override
            public void close() {
                context.close();
            }
        };
    };

    private static volatile Source source = BOOT_PER_COMMAND;

    /** Installs the source every later command gets its application from. */
    public static void install(Source s) {
        source = s;
    }

    static Lease open(SpringApplication app, String[] args, boolean shareable) {
        return source.open(app, args, shareable);
    }

    /** Closes what the installed source keeps open in {@code home} before a command deletes it. */
    static void release(java.nio.file.Path home) {
        source.release(home);
    }
}
