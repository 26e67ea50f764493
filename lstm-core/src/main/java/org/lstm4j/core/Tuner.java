package org.lstm4j.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.config.ConfigProblem;
import org.lstm4j.core.config.SpecOverrides;
import org.lstm4j.core.config.SpecWriter;
import org.lstm4j.core.remote.DirectoryFiles;
import org.lstm4j.core.remote.ShippedSpec;
import org.lstm4j.core.remote.WorkPlace;
import org.lstm4j.tuning.ParameterGrid;
import org.lstm4j.tuning.Search;
import org.lstm4j.tuning.SearchResult;
import org.lstm4j.tuning.TrialOutcome;
import org.lstm4j.tuning.TrialResult;
import org.lstm4j.tuning.TrialRunner;

/**
 * A hyper-parameter search over an experiment ({@code lstm tune}): every trial is the experiment with the
 * trial's dotted paths applied, trained and written as a run directory of its own; the best trial's
 * complete experiment goes to {@code best-experiment.yaml}. Running it again over the same directory
 * resumes: finished trials are not trained again, and a trial killed mid-way continues from its checkpoint in
 * {@code trial-NNN.partial} (when it is of the same trial experiment; otherwise it starts again).
 */
public final class Tuner {
    /** The best trial's experiment, runnable as is by {@code lstm train}. */
    public static final String BEST_EXPERIMENT = "best-experiment.yaml";

    private Tuner() {}

    /** {@code <output.dir>/<name>-tune}: stable, so that running the same search again resumes it. */
    public static Path defaultLocation(ExperimentSpec spec) {
        return spec.output().dir().resolve(spec.name() + "-tune");
    }

    /**
     * Every trial's experiment, checked before anything trains.
     *
     * @throws ConfigException naming the tuning parameter of each assignment that does not make a valid experiment
     */
    public static List<Map<String, Object>> assignments(ExperimentSpec base) {
        if (base.data().isManySeries()) {
            throw ConfigException.of(new ConfigProblem(null, 0, 0, "data.series_column", "lstm tune searches one series; "
                    + "tune on one representative series (a file of its rows, without series_column), then train all"));
        }
        var metric = TuningMetric.parse(base.tuning().metric());
        if (metric.isEmpty()) {
            throw ConfigException.of(new ConfigProblem(null, 0, 0, "tuning.metric", "'" + base.tuning().metric()
                    + "' is not a metric; use " + TuningMetric.allowed()));
        }
        if (metric.get().validation() && base.data().split().validation() == 0) {
            throw ConfigException.of(new ConfigProblem(null, 0, 0, "tuning.metric", "'" + base.tuning().metric()
                    + "' needs a validation part (data.split.validation > 0), or tune on a test_ metric"));
        }
        if (base.tuning().parameters().isEmpty()) {
            throw ConfigException.of(new ConfigProblem(null, 0, 0, "tuning.parameters", "no parameters to search"));
        }
        List<Map<String, Object>> assignments = ParameterGrid.assignments(base.tuning(), base.seed());
        for (Map<String, Object> assignment : assignments) {
            SpecOverrides.apply(base, assignment);
        }
        return assignments;
    }

    /**
     * Runs (or resumes) the search of {@code base} in {@code directory}, {@code tuning.parallelism} trials at a time
     * on this machine.
     *
     * @param onTrial called after each finished trial
     */
    public static SearchResult run(ExperimentSpec base, Path directory, Consumer<TrialResult> onTrial)
            throws IOException, InterruptedException {
        return run(base, directory, onTrial, base.tuning().parallelism(), metric ->
                (number, assignment, trialDirectory) -> trainTrial(base, assignment, trialDirectory, metric));
    }

    /**
     * Runs (or resumes) the search with each trial trained in {@code place} (a Spark executor, one task per trial),
     * as many at a time as the place offers cores; {@code trials.csv}, the trial directories and
     * {@code best-experiment.yaml} are written here, as the local search writes them. A trial killed mid-way starts
     * again on resume (its checkpoint stayed where it ran).
     *
     * @throws org.lstm4j.core.remote.RemoteWorkException when the cluster itself fails (a trial that fails to train
     *                                                    is a failed row of {@code trials.csv}, as locally)
     */
    public static SearchResult run(ExperimentSpec base, Path directory, Consumer<TrialResult> onTrial, WorkPlace place)
            throws IOException, InterruptedException {
        ShippedSpec shipped = ShippedSpec.of(base);
        RemoteTrial work = new RemoteTrial();
        return run(base, directory, onTrial, place.parallelism(), metric -> (number, assignment, trialDirectory) -> {
            String name = trialDirectory.getFileName().toString();
            RemoteTrial.Piece piece = place.run("trial " + number + " " + assignment,
                    new RemoteTrial.Job(shipped, new LinkedHashMap<>(assignment), name, base.tuning().metric()), work);
            DirectoryFiles.write(piece.files(), trialDirectory);
            return piece.outcome();
        });
    }

    private static SearchResult run(ExperimentSpec base, Path directory, Consumer<TrialResult> onTrial, int parallelism,
                                    Function<TuningMetric, TrialRunner> runner) throws IOException, InterruptedException {
        List<Map<String, Object>> assignments = assignments(base); // checks the metric too
        TuningMetric metric = TuningMetric.parse(base.tuning().metric()).orElseThrow();
        SearchResult result = new Search(directory, base.tuning().metric(), parallelism, runner.apply(metric))
                .onTrialFinished(onTrial).run(assignments);
        var best = result.best();
        if (best.isPresent()) {
            ExperimentSpec bestSpec = SpecOverrides.apply(base, best.get().assignment());
            AtomicFiles.writeString(directory.resolve(BEST_EXPERIMENT), "# best trial: " + best.get().directoryName() + ", "
                    + base.tuning().metric() + " = " + best.get().metric() + "\n" + SpecWriter.toYaml(bestSpec));
        }
        return result;
    }

    /**
     * Trains one trial of {@code base} and writes it as the run directory {@code trialDirectory}, continuing from
     * the checkpoint a killed attempt left in {@code trialDirectory.partial}.
     */
    static TrialOutcome trainTrial(ExperimentSpec base, Map<String, Object> assignment, Path trialDirectory,
                                   TuningMetric metric) throws IOException {
        ExperimentSpec trial = SpecOverrides.apply(base, assignment);
        trial = trial.withOutput(trial.output().withPlots(false));
        Checkpointing checkpoints = Checkpointing.in(RunDirectory.partialOf(trialDirectory))
                .withResume(Checkpointing.Resume.IF_POSSIBLE);
        ExperimentResult result = Experiment.run(trial, TrainingListener.NONE, checkpoints);
        try (var model = result.model()) {
            RunDirectory.deleteRecursively(trialDirectory); // a failed trial run again starts clean
            RunDirectory.write(result, trialDirectory);
            Map<String, Double> extra = new LinkedHashMap<>();
            extra.put("test_rmse", result.test().model().rmse());
            return new TrialOutcome(metric.of(result), result.training().epochsRun(), extra);
        }
    }
}
