package org.lstm4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.StopReason;
import org.lstm4j.api.UnsupportedFeatureException;
import org.lstm4j.cli.report.PlotsAndReport;
import org.lstm4j.core.Experiment;
import org.lstm4j.core.ExperimentException;
import org.lstm4j.core.ExperimentResult;
import org.lstm4j.core.RunDirectory;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.data.DataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lstm train FILE [--output DIR]}: trains, evaluates and writes a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the experiment in FILE, evaluate it on the test part beside the naive baseline, "
                + "and write a run directory (experiment.yaml, metrics.json, history.csv, predictions.csv, model.zip).")
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the experiment YAML file")
    private Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "run directory to create (default: <output.dir>/<name>-<yyyyMMdd-HHmmss>)")
    private Path output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var loaded = ExperimentFile.load(file, err);
        if (loaded.isEmpty()) {
            return LstmCommand.BAD_INPUT;
        }
        ExperimentSpec experiment = loaded.get().spec();
        Path runDirectory = output != null ? output : RunDirectory.defaultLocation(experiment, LocalDateTime.now());
        ExperimentResult result;
        try {
            out.printf("training '%s' (%s)%n", experiment.name(), file);
            out.flush();
            result = Experiment.run(experiment, new ProgressPrinter(out, experiment.training().epochs()));
        } catch (ConfigException | ExperimentException | UnsupportedFeatureException | DataException e) {
            return ExperimentFile.reportInputError(e, loaded.get().locations(), err);
        }
        boolean plots = experiment.output().plots();
        Path written = RunDirectory.write(result, runDirectory, plots ? List.of(new PlotsAndReport()) : List.of());
        ResultTable.print(result, out);
        out.println("run directory: " + written);
        if (plots) {
            out.println("report: " + written.resolve(PlotsAndReport.REPORT));
        }
        out.flush();
        if (result.training().stopReason() == StopReason.DIVERGED) {
            int best = result.training().bestEpoch();
            err.println("lstm: training diverged in epoch " + result.training().epochsRun()
                    + " (the loss or a weight became NaN or infinite); "
                    + (best > 0 ? "the model of epoch " + best + ", the best before it, was restored, evaluated and saved; "
                            : "no epoch was finite, so the saved model is not usable; ")
                    + "try a smaller training.optimizer.learning_rate, gradient clipping or a scaler");
            err.flush();
            return LstmCommand.FAILED;
        }
        return LstmCommand.OK;
    }

}
