package org.lstm4j.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hyper-parameter search, read only by {@code lstm tune}.
 *
 * @param strategy    grid or random
 * @param parameters  dotted paths of the experiment to candidate values
 * @param trials      random only: number of trials
 * @param metric      what to minimise
 * @param parallelism trials trained at once
 */
public record TuningSpec(@NotNull Strategy strategy, @NotNull Map<String, List<Object>> parameters,
                         @Min(1) int trials, @NotNull String metric, @Min(1) int parallelism) {
    public TuningSpec {
        SpecChecks.require(TuningSpec.class, strategy, parameters, trials, metric, parallelism);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** An empty grid. */
    public static TuningSpec defaults() {
        return new TuningSpec(Strategy.GRID, Map.of(), 20, "val_rmse", 1);
    }

    public TuningSpec withStrategy(Strategy value) {
        return new TuningSpec(value, parameters, trials, metric, parallelism);
    }

    public TuningSpec withParameters(Map<String, List<Object>> value) {
        return new TuningSpec(strategy, value, trials, metric, parallelism);
    }

    public TuningSpec withTrials(int value) {
        return new TuningSpec(strategy, parameters, value, metric, parallelism);
    }

    public TuningSpec withMetric(String value) {
        return new TuningSpec(strategy, parameters, trials, value, parallelism);
    }

    public TuningSpec withParallelism(int value) {
        return new TuningSpec(strategy, parameters, trials, metric, value);
    }

    /** Search strategies. */
    public enum Strategy { GRID, RANDOM }
}
