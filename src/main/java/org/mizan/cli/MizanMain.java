package org.mizan.cli;

import java.io.PrintWriter;
import org.mizan.config.MizanHome;
import org.mizan.source.MappingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mizan} command: parses the command line, runs one command, and exits with its code. */
@Command(
        name = "mizan",
        mixinStandardHelpOptions = true,
        version = "mizan 0.1.0",
        description = {
            "Mizan: remittances, registries and project ledgers into a DuckDB warehouse for coherence reporting.",
            "Runtime files go under MIZAN_HOME (default ./var).",
            "Exit codes: 0 success, 1 a job failed or rejected its whole input, 2 usage or configuration error."
        },
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            QueryCommand.class,
            StatusCommand.class,
            HistoryCommand.class,
            ShowCommand.class,
            RejectsCommand.class,
            RerunCommand.class,
            WorkerCommand.class,
            BackfillCommand.class,
            AbandonCommand.class,
            PruneCommand.class,
            ServeCommand.class,
            DictionaryCommand.class,
            RotateKeyCommand.class,
            DashboardCommand.class,
            ApproveCommand.class,
            UnapproveCommand.class,
            AcceptCommand.class,
            ApprovalsCommand.class,
            CheckMappingCommand.class,
            FlagsCommand.class,
            ReviewCommand.class,
            CommandLine.HelpCommand.class
        })
public class MizanMain implements Runnable {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command with the given output streams; returns the exit code (tests call this). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        System.setProperty("mizan.home", MizanHome.fromEnvironment().root().toString());
        CommandLine cli = new CommandLine(new MizanMain());
        cli.setOut(out);
        cli.setErr(err);
        JobHelp.install(cli);
        HelpText.install(cli);
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            Throwable root = e;
            while (root.getCause() != null && !plain(root)) {
                root = root.getCause();
            }
            String message = root.getMessage() == null || root.getMessage().isBlank()
                    ? root.getClass().getSimpleName()
                    : root.getMessage();
            if (plain(root)) {
                // a refusal of ours: its message is the plain line (a checked mapping's, one line per error it found)
                err.println("mizan: "
                        + String.join(
                                System.lineSeparator(),
                                message.strip().lines().limit(20).toList()));
            } else {
                // one plain line: what failed and what to do; the stack trace only in the log, whose path it names
                message = message.strip().lines().findFirst().orElse(message);
                String command = parsed.subcommand() == null
                        ? "mizan"
                        : parsed.subcommand().commandSpec().name();
                err.println("mizan: " + command + " failed: " + message + " (details in " + ErrorLog.record(command, e)
                        + ")");
            }
            return USAGE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** A refusal whose message already says what is wrong and what to do: printed as it is, with no log path. */
    private static boolean plain(Throwable t) {
        return t instanceof org.mizan.config.UsageException
                || t instanceof MappingException
                || t instanceof org.mizan.approval.ApprovalException;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line or configuration that cannot work; exit code 2, with what to do in the message. */
    public static class UsageException extends org.mizan.config.UsageException {
        public UsageException(String message) {
            super(message);
        }
    }
}
