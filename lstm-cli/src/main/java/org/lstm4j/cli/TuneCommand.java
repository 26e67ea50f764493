package org.lstm4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.Callable;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.UnsupportedFeatureException;
import org.lstm4j.core.ExperimentException;
import org.lstm4j.core.Tuner;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.remote.RemoteWorkException;
import org.lstm4j.core.remote.WorkPlace;
import org.lstm4j.data.DataException;
import org.lstm4j.tuning.SearchResult;
import org.lstm4j.tuning.TrialResult;
import org.lstm4j.tuning.TrialsFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lstm tune FILE [--output DIR] [--spark MASTER]}: the grid or random search of the file's {@code tuning:}
 * section, on the local cores or as Spark tasks.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Search the hyper-parameters of the `tuning:` section of FILE. Each trial is trained and written as a run "
                + "directory; trials.csv, a ranked table and best-experiment.yaml (runnable by `lstm train`) end the search. "
                + "Running the same command again resumes it: finished trials are not trained again.")
final class TuneCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the experiment YAML file, with a tuning: section")
    private Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "search directory (default: <output.dir>/<name>-tune)")
    private Path output;

    @Mixin
    private SparkOptions spark = new SparkOptions();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var loaded = ExperimentFile.load(file, err);
        if (loaded.isEmpty()) {
            return LstmCommand.BAD_INPUT;
        }
        ExperimentSpec experiment = loaded.get().spec();
        Path directory = output != null ? output : Tuner.defaultLocation(experiment);
        Optional<String> misuse = spark.misuse();
        if (misuse.isPresent()) {
            err.println("lstm: " + misuse.get());
            err.flush();
            return LstmCommand.BAD_INPUT;
        }
        WorkPlace place = null;
        try {
            int trials = Tuner.assignments(experiment).size();
            if (spark.requested()) {
                Optional<WorkPlace> connected = spark.connect("lstm tune " + experiment.name(), err);
                if (connected.isEmpty()) {
                    return LstmCommand.FAILED;
                }
                place = connected.get();
            }
            out.printf("tuning '%s': %d trials (%s), %s, minimising %s, in %s%n", experiment.name(), trials,
                    experiment.tuning().strategy().name().toLowerCase(Locale.ROOT),
                    place == null ? experiment.tuning().parallelism() + " at a time" : "on Spark (" + place.describe() + ")",
                    experiment.tuning().metric(), directory);
            out.flush();
            Consumer<TrialResult> onTrial = trial -> progress(out, trial, experiment.tuning().metric());
            SearchResult result = place == null ? Tuner.run(experiment, directory, onTrial)
                    : Tuner.run(experiment, directory, onTrial, place);
            out.println();
            if (place != null) {
                out.println(SparkOptions.processesLine(place));
            }
            out.print(result.format());
            if (result.trialsSkipped() > 0) {
                out.printf("%d trial(s) finished earlier were not trained again%n", result.trialsSkipped());
            }
            result.best().ifPresent(best -> out.println("best experiment: " + directory.resolve(Tuner.BEST_EXPERIMENT)));
            out.flush();
            return result.best().isPresent() ? LstmCommand.OK : LstmCommand.FAILED;
        } catch (ConfigException | ExperimentException | UnsupportedFeatureException | DataException e) {
            return ExperimentFile.reportInputError(e, loaded.get().locations(), err);
        } catch (TrialsFileException e) {
            err.println("lstm tune: " + e.getMessage());
            err.flush();
            return LstmCommand.BAD_INPUT;
        } catch (RemoteWorkException e) {
            err.println("lstm tune: " + e.getMessage() + "; finished trials stay in " + directory + " for the next run to resume");
            err.flush();
            return LstmCommand.FAILED;
        } finally {
            if (place != null) {
                place.close();
            }
        }
    }

    private static void progress(PrintWriter out, TrialResult trial, String metric) {
        out.printf(Locale.ROOT, "%s %-6s %s  %s = %s  %d epochs  %.1fs%s%n", trial.directoryName(), trial.status().csvName(),
                trial.assignment(), metric, Double.isFinite(trial.metric()) ? String.format(Locale.ROOT, "%.6g", trial.metric()) : "n/a",
                trial.epochsRun(), trial.seconds(), Rss.describe());
        if (!trial.ok() && trial.error() != null) {
            out.println("  failed: " + trial.error());
        }
        out.flush();
    }
}
