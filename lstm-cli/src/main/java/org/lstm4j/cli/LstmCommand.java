package org.lstm4j.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lstm} command: train, validate, predict, evaluate, tune, export, bench, serve, quantize.
 *
 * <p>The subcommands are registered by {@link #commandLine(PrintWriter, PrintWriter, String...)}, not in the
 * annotation: a run of one subcommand builds only that subcommand's picocli model. Building all of them reflects over
 * every command class and what their fields name (Jackson's classes among them) and cost about 230 ms of a cold
 * start, measured; each run of {@code lstm} pays its start-up, the whole sine job included.
 */
@Command(name = "lstm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "LSTM time-series forecasting from a YAML experiment file.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the run failed (training diverged, I/O error)",
                "2:bad input: the experiment file, its data, its checkpoint or the command line; or a backend that cannot start here (no CUDA GPU)"})
public final class LstmCommand implements Runnable {
    /** Exit code of a successful run. */
    public static final int OK = 0;
    /** Exit code of a run that failed for a reason other than its input. */
    public static final int FAILED = 1;
    /** Exit code of bad input: experiment file, data, command line. */
    public static final int BAD_INPUT = 2;

    /** The subcommands in the order {@code lstm --help} lists them; {@code help} last. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(TrainCommand.class, ValidateCommand.class,
            PredictCommand.class, EvaluateCommand.class, TuneCommand.class, InfoCommand.class, ExportCommand.class,
            org.lstm4j.cli.bench.BenchCommand.class, org.lstm4j.cli.serve.ServeCommand.class, QuantizeCommand.class,
            ImportCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line with every subcommand and lstm4j's error handling: messages, exit codes, never a stack trace. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new String[0]);
    }

    /**
     * The command line that runs {@code arguments}: with only the subcommand they name when their first one is a
     * subcommand's name (other than {@code help}), else with every subcommand (for {@code lstm --help}, {@code lstm help
     * train}, a mistyped name and its suggestions). Either way the same parse and the same messages for these arguments.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... arguments) {
        CommandLine commandLine = new CommandLine(new LstmCommand());
        Class<?> named = arguments.length == 0 ? null : subcommandNamed(arguments[0]);
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (named == null || subcommand == named) {
                commandLine.addSubcommand(subcommand);
            }
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            var unavailable = Errors.backendUnavailable(exception);
            if (unavailable.isPresent()) {
                cmd.getErr().println("lstm: " + unavailable.get().getMessage());
                cmd.getErr().flush();
                return BAD_INPUT;
            }
            cmd.getErr().println("lstm: " + Errors.describe(exception));
            if (Boolean.getBoolean("lstm4j.debug")) {
                exception.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return FAILED;
        });
        return commandLine;
    }

    /** Entry point of the runnable jar. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        if (BackendWarmUp.pays(List.of(args))) {
            BackendWarmUp.start();
        }
        System.exit(commandLine(out, err, args).execute(args));
    }

    /** The subcommand class whose name is {@code name}, or null (also for {@code help}, which needs its siblings). */
    private static Class<?> subcommandNamed(String name) {
        for (Class<?> subcommand : SUBCOMMANDS) {
            Command command = subcommand.getAnnotation(Command.class);
            if (subcommand != CommandLine.HelpCommand.class && command.name().equals(name)) {
                return subcommand;
            }
        }
        return null;
    }
}
