package org.lstm4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.StopReason;
import org.lstm4j.api.UnsupportedFeatureException;
import org.lstm4j.cli.report.PlotsAndReport;
import org.lstm4j.core.CheckpointException;
import org.lstm4j.core.Checkpointing;
import org.lstm4j.core.Experiment;
import org.lstm4j.core.ExperimentException;
import org.lstm4j.core.ExperimentResult;
import org.lstm4j.core.RunDirectory;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.remote.WorkPlace;
import org.lstm4j.data.DataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lstm train FILE [--output DIR] [--resume]}: trains, evaluates and writes a run directory. The run works in
 * {@code DIR.partial} (its checkpoints go there) and is renamed to {@code DIR} when complete; {@code --resume}
 * continues a killed run from its last checkpoint.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the experiment in FILE, evaluate it on the test part beside the naive baseline, "
                + "and write a run directory (experiment.yaml, metrics.json, history.csv, predictions.csv, model.zip). "
                + "The run works in DIR.partial, checkpointed every training.checkpoint.every_epochs epochs, and becomes "
                + "DIR when complete.")
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the experiment YAML file")
    private Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "run directory to create (default: <output.dir>/<name>-<yyyyMMdd-HHmmss>)")
    private Path output;

    @Option(names = "--resume", description = "continue the killed run of FILE in DIR.partial from its last checkpoint "
            + "(without --output: the newest unfinished run of FILE in <output.dir>); it ends as the run never interrupted")
    private boolean resume;

    @Option(names = "--parallelism", paramLabel = "N", description = "with data.series_column: series trained at once, "
            + "each on one compute thread (default: the number of cores)")
    private Integer parallelism;

    @Mixin
    private SparkOptions spark = new SparkOptions();

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
        Path runDirectory = output != null ? output : resume ? RunDirectory.newestUnfinished(experiment).orElse(null)
                : RunDirectory.defaultLocation(experiment, LocalDateTime.now());
        if (runDirectory == null) {
            err.println("lstm: --resume: no unfinished run of '" + experiment.name() + "' in " + experiment.output().dir()
                    + " (no " + experiment.name() + "-*" + RunDirectory.PARTIAL_SUFFIX + " with a checkpoint); give its --output DIR");
            err.flush();
            return LstmCommand.BAD_INPUT;
        }
        if (RunDirectory.isOccupied(runDirectory)) {
            err.println("lstm: " + runDirectory + " exists and is not empty" + (resume ? ": that run is finished, nothing to resume"
                    : "; choose another --output"));
            err.flush();
            return LstmCommand.BAD_INPUT;
        }
        Optional<String> misuse = spark.misuse().or(() -> sparkMisuse(experiment));
        if (misuse.isPresent()) {
            err.println("lstm: " + misuse.get());
            err.flush();
            return LstmCommand.BAD_INPUT;
        }
        if (experiment.data().isManySeries()) {
            int threads = parallelism == null ? ManySeriesTraining.defaultParallelism() : parallelism;
            if (threads < 1) {
                err.println("lstm: --parallelism must be >= 1, was " + threads);
                err.flush();
                return LstmCommand.BAD_INPUT;
            }
            if (!spark.requested()) {
                return ManySeriesTraining.run(experiment, file, loaded.get().locations(), runDirectory, resume, threads,
                        null, out, err);
            }
            Optional<WorkPlace> place = spark.connect("lstm train " + experiment.name(), err);
            if (place.isEmpty()) {
                return LstmCommand.FAILED;
            }
            try (WorkPlace cluster = place.get()) {
                return ManySeriesTraining.run(experiment, file, loaded.get().locations(), runDirectory, resume, threads,
                        cluster, out, err);
            }
        }
        Path partial = RunDirectory.partialOf(runDirectory);
        Checkpointing checkpoints = Checkpointing.in(partial)
                .withResume(resume ? Checkpointing.Resume.REQUIRED : Checkpointing.Resume.NO);
        ExperimentResult result;
        try {
            out.printf("training '%s' (%s)%n", experiment.name(), file);
            out.flush();
            result = Experiment.run(experiment, new ProgressPrinter(out, experiment.training().epochs()), checkpoints);
        } catch (ConfigException | ExperimentException | UnsupportedFeatureException | DataException e) {
            return ExperimentFile.reportInputError(e, loaded.get().locations(), err);
        } catch (CheckpointException e) {
            err.println("lstm: " + describe(e, partial));
            err.flush();
            return LstmCommand.BAD_INPUT;
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

    /** A checkpoint problem in the command line's terms. */
    private static String describe(CheckpointException e, Path partial) {
        return switch (e.reason()) {
            case PRESENT -> partial + " holds the checkpoint of an unfinished run; continue it with --resume, or delete "
                    + partial + " to start again";
            case MISSING -> "--resume: no checkpoint in " + partial + " to resume; run without --resume to start";
            case DAMAGED, OTHER_EXPERIMENT -> e.getMessage();
        };
    }

    /** What {@code --spark} cannot do with this experiment, if anything. */
    private Optional<String> sparkMisuse(ExperimentSpec experiment) {
        if (!spark.requested()) {
            return Optional.empty();
        }
        if (!experiment.data().isManySeries()) {
            return Optional.of("--spark runs one task per series of data.series_column, and " + file + " trains one series: "
                    + "run it without --spark (lstm tune --spark runs a search's trials on Spark)");
        }
        if (parallelism != null) {
            return Optional.of("--parallelism is for the local cores; with --spark the executors' cores decide how many "
                    + "series train at once");
        }
        return Optional.empty();
    }
}
