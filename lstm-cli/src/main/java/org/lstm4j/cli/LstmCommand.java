package org.lstm4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lstm} command: train, validate, predict, evaluate, tune, export, bench, serve, quantize. */
@Command(name = "lstm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "LSTM time-series forecasting from a YAML experiment file.",
        subcommands = {TrainCommand.class, ValidateCommand.class, PredictCommand.class, EvaluateCommand.class, TuneCommand.class,
                InfoCommand.class, ExportCommand.class, org.lstm4j.cli.bench.BenchCommand.class, org.lstm4j.cli.serve.ServeCommand.class,
                QuantizeCommand.class, ImportCommand.class,
                CommandLine.HelpCommand.class},
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

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line with lstm4j's error handling: messages, exit codes, never a stack trace. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new LstmCommand());
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
        System.exit(commandLine(out, err).execute(args));
    }
}
