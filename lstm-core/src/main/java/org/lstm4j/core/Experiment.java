package org.lstm4j.core;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.lstm4j.api.Backend;
import org.lstm4j.api.Backends;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.Training;
import org.lstm4j.api.TrainingCheckpoints;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingResult;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.data.Series;
import org.lstm4j.tuning.EarlyStopping;
import org.lstm4j.tuning.Schedulers;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.config.ConfigProblem;

/**
 * Runs an experiment end to end: load and prepare the data, train on the backend found on the class
 * path (with the experiment's learning-rate schedule and early stopping), evaluate on the validation and
 * test parts in the data's own units beside the baselines.
 *
 * <pre>{@code
 * ExperimentResult result = Experiment.run(spec, TrainingListener.NONE);
 * System.out.println(result.test().model().rmse());
 * result.saveBundle(Path.of("model.zip"));
 * }</pre>
 *
 * <p>With {@link Checkpointing} the run saves its state along the way ({@code training.checkpoint.every_epochs})
 * and can continue a killed run from its last checkpoint, ending with the same history, metrics and model as a
 * run never interrupted; {@code lstm train --resume} does so.
 */
public final class Experiment {
    private Experiment() {}

    /** Runs {@code spec} on the class path's backend. */
    public static ExperimentResult run(ExperimentSpec spec, TrainingListener listener) {
        return run(spec, Backends.load(), listener);
    }

    /**
     * Runs {@code spec} on the class path's backend, checkpointing and resuming as {@code checkpointing} says.
     *
     * @throws CheckpointException when the checkpoint does not allow it: none to resume, damaged, of another
     *                             experiment, or one there while starting afresh
     */
    public static ExperimentResult run(ExperimentSpec spec, TrainingListener listener, Checkpointing checkpointing) {
        return run(spec, Backends.load(), listener, checkpointing);
    }

    /**
     * Runs {@code spec} on {@code backend}.
     *
     * @throws ConfigException     when the spec asks for something the run cannot do (see {@link RunChecks})
     * @throws ExperimentException when the settings do not fit the data
     */
    public static ExperimentResult run(ExperimentSpec spec, Backend backend, TrainingListener listener) {
        return run(spec, backend, listener, Checkpointing.off());
    }

    /**
     * Runs {@code spec} on {@code backend}, checkpointing and resuming as {@code checkpointing} says.
     *
     * @throws ConfigException     when the spec asks for something the run cannot do (see {@link RunChecks})
     * @throws ExperimentException when the settings do not fit the data
     * @throws CheckpointException when the checkpoint does not allow what {@code checkpointing} asks
     */
    public static ExperimentResult run(ExperimentSpec spec, Backend backend, TrainingListener listener,
                                       Checkpointing checkpointing) {
        if (spec.data().isManySeries()) {
            throw new ExperimentException("data.series_column", "'" + spec.data().seriesColumn() + "' splits the file into "
                    + "many series: run it with ManySeries.run (lstm train does), or one series with Experiment.run(spec, series, ...)");
        }
        return run(spec, backend, listener, checkpointing, () -> PreparedData.prepare(spec.data(), spec.seed()));
    }

    /**
     * Runs {@code spec} on {@code series}, already loaded (one series of a long-format file), instead of its source:
     * the scalers are fitted on this series' own train part.
     *
     * @throws ConfigException     when the spec asks for something the run cannot do (see {@link RunChecks})
     * @throws ExperimentException when the settings do not fit the series
     */
    public static ExperimentResult run(ExperimentSpec spec, Series series, Backend backend, TrainingListener listener) {
        return run(spec, backend, listener, Checkpointing.off(), () -> PreparedData.prepare(spec.data(), series));
    }

    private static ExperimentResult run(ExperimentSpec spec, Backend backend, TrainingListener listener,
                                        Checkpointing checkpointing, Supplier<PreparedData> dataOfRun) {
        RunChecks.require(spec);
        TrainingSpec trainingSpec = spec.training();
        TrainingListener schedule = scheduleOf(trainingSpec);
        EarlyStopping earlyStopping = trainingSpec.earlyStopping().enabled() ? new EarlyStopping(trainingSpec.earlyStopping()) : null;
        // before the data: a checkpoint that cannot be used is refused at once, with the listeners' counters restored
        TrainingCheckpoints checkpoints = RunCheckpoints.open(checkpointing, spec, backend.name(), schedule, earlyStopping);
        PreparedData data = dataOfRun.get();
        SampleShape shape = SampleShape.of(data.train());
        TrainingListener all = earlyStopping == null ? schedule.andThen(listener) : schedule.andThen(earlyStopping).andThen(listener);
        if (needsValidationMetrics(trainingSpec) && data.validation().size() > 0) {
            all = new ValidationMetricsListener(data, spec.evaluation(), all);
        }
        Training training = backend.trainer(shape, spec.model(), trainingSpec, spec.seed())
                .fit(data.train(), data.validation().size() > 0 ? data.validation() : null, all, checkpoints);
        TrainingResult trained = training.result();
        if (earlyStopping != null && earlyStopping.bestEpoch() > 0) {
            trained = trained.withBestEpoch(earlyStopping.bestEpoch());
        }
        Evaluator evaluator = new Evaluator(data, training.model(), spec.evaluation());
        Evaluation validation = data.validation().size() > 0 ? evaluator.evaluate(data.validation()) : null;
        Forecast testForecast = evaluator.forecast(data.test());
        List<BacktestFold> backtest = spec.evaluation().backtest().folds() > 0
                ? Backtest.run(spec, backend, data, training.model()) : List.of();
        return new ExperimentResult(spec, data, training.model(), backend.name(), trained,
                validation, evaluator.evaluate(data.test(), testForecast), testForecast, evaluator.seasonLength(), backtest);
    }

    /** Whether early stopping or a plateau schedule watches a validation metric (not a loss). */
    private static boolean needsValidationMetrics(TrainingSpec training) {
        boolean plateau = training.scheduler() instanceof org.lstm4j.api.SchedulerSpec.Plateau;
        return training.earlyStopping().monitor().isMetric() && (training.earlyStopping().enabled() || plateau);
    }

    /** The learning-rate schedule of {@code training} as a listener (a no-op for a constant rate). */
    static TrainingListener scheduleOf(TrainingSpec training) {
        return Schedulers.forSpec(training.scheduler(), training.optimizer().learningRate(), training.earlyStopping().monitor());
    }
}
