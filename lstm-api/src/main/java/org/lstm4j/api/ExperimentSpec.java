package org.lstm4j.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * One experiment: where the series comes from, the network, how to train and evaluate it.
 * The Java twin of an experiment YAML file; {@link #defaults()} holds the DSL's defaults.
 *
 * @param version    DSL version, always 1
 * @param name       run name, used for the run directory
 * @param seed       one seed for weights, shuffling and dropout
 * @param data       the series and how it is cut into windows
 * @param model      the network
 * @param training   the training loop
 * @param evaluation baselines and backtests
 * @param tuning     search space, read only by {@code lstm tune}
 * @param output     where results go
 */
public record ExperimentSpec(
        @Min(1) @Max(1) int version,
        @NotNull String name,
        long seed,
        @NotNull DataSpec data,
        @NotNull ModelSpec model,
        @NotNull TrainingSpec training,
        @NotNull EvaluationSpec evaluation,
        @NotNull TuningSpec tuning,
        @NotNull OutputSpec output) {

    public ExperimentSpec {
        SpecChecks.require(ExperimentSpec.class, version, name, seed, data, model, training, evaluation, tuning, output);
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }

    /** The defaults of the DSL; the data source still has to be set. */
    public static ExperimentSpec defaults() {
        return new ExperimentSpec(1, "experiment", 42, DataSpec.defaults(), ModelSpec.defaults(),
                TrainingSpec.defaults(), EvaluationSpec.defaults(), TuningSpec.defaults(), OutputSpec.defaults());
    }

    public ExperimentSpec withName(String value) {
        return new ExperimentSpec(version, value, seed, data, model, training, evaluation, tuning, output);
    }

    public ExperimentSpec withSeed(long value) {
        return new ExperimentSpec(version, name, value, data, model, training, evaluation, tuning, output);
    }

    public ExperimentSpec withData(DataSpec value) {
        return new ExperimentSpec(version, name, seed, value, model, training, evaluation, tuning, output);
    }

    public ExperimentSpec withModel(ModelSpec value) {
        return new ExperimentSpec(version, name, seed, data, value, training, evaluation, tuning, output);
    }

    public ExperimentSpec withTraining(TrainingSpec value) {
        return new ExperimentSpec(version, name, seed, data, model, value, evaluation, tuning, output);
    }

    public ExperimentSpec withEvaluation(EvaluationSpec value) {
        return new ExperimentSpec(version, name, seed, data, model, training, value, tuning, output);
    }

    public ExperimentSpec withTuning(TuningSpec value) {
        return new ExperimentSpec(version, name, seed, data, model, training, evaluation, value, output);
    }

    public ExperimentSpec withOutput(OutputSpec value) {
        return new ExperimentSpec(version, name, seed, data, model, training, evaluation, tuning, value);
    }
}
