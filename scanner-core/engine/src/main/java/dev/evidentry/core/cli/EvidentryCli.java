package dev.evidentry.core.cli;

import dev.evidentry.core.Version;
import dev.evidentry.core.scan.UsageException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evidentry}: the command line. Exit codes are the pipeline contract (see {@code ExitCode}). */
@Command(name = "evidentry",
        mixinStandardHelpOptions = true,
        versionProvider = EvidentryCli.VersionProvider.class,
        description = "Collects SOC 2 evidence from cloud and SaaS APIs, judges it, and writes SARIF and a "
                + "tamper-evident evidence bundle.",
        subcommands = {ScanCommand.class, ChecksCommand.class, VerifyCommand.class, KeygenCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing failed",
            "1:failing findings at or above --fail-on",
            "2:usage or configuration error (bad flags, bad configuration, missing or rejected credentials)",
            "3:some checks could not be evaluated (ERROR results); --no-fail-on-error accepts them",
            "4:internal error (a bug: please report it with the output of --debug)"})
public final class EvidentryCli implements Runnable {

    static final int INTERNAL_ERROR = 4;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Log what happens, and print stack traces on errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Environment environment;

    public EvidentryCli(Environment environment) {
        this.environment = environment;
    }

    Environment environment() {
        return environment;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: scan, checks, verify or keygen");
    }

    public static void main(String[] args) {
        System.exit(run(args, Environment.system()));
    }

    /** Runs one command line and returns the exit code; never calls {@code System.exit}. */
    public static int run(String[] args, Environment environment) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        Logging.configure(debug);
        CommandLine commandLine = new CommandLine(new EvidentryCli(environment), new Factory(environment));
        commandLine.setOut(new PrintWriter(environment.out(), true));
        commandLine.setErr(new PrintWriter(environment.err(), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            PrintWriter err = exception.getCommandLine().getErr();
            err.println("evidentry: " + exception.getMessage());
            err.println("Try '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (exception instanceof UsageException) {
                err.println("evidentry: " + exception.getMessage());
                return 2;
            }
            err.println("evidentry: internal error: " + exception
                    + (debug ? "" : " (run again with --debug for the stack trace)"));
            if (debug) {
                exception.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // Not exit 1 from the JVM's uncaught-exception default: 1 means "a check failed" to a pipeline.
            environment.err().println("evidentry: internal error: the scanner ran out of memory (" + e.getMessage()
                    + "); give it a larger heap, such as EVIDENTRY_JAVA_OPTS=-Xmx2g");
            return INTERNAL_ERROR;
        } catch (Error e) {
            environment.err().println("evidentry: internal error: " + e
                    + (debug ? "" : " (run again with --debug for the stack trace)"));
            if (debug) {
                e.printStackTrace(environment.err());
            }
            return INTERNAL_ERROR;
        }
    }

    /** Where the command line reads and writes: the real process, or a test's buffers. */
    public record Environment(PrintStream out, PrintStream err, Path home, boolean interactive) {
        public static Environment system() {
            String home = System.getProperty("evidentry.home", System.getenv("EVIDENTRY_HOME"));
            return new Environment(System.out, System.err, home == null ? null : Path.of(home),
                    System.console() != null);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"evidentry " + Version.get(), "Java " + System.getProperty("java.version")};
        }
    }

    /** Lets subcommands receive the environment through their constructor. */
    private record Factory(Environment environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (var constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Environment.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(environment));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
