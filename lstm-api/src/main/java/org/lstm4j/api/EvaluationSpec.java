package org.lstm4j.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * How the test part is judged.
 *
 * @param baselines    naive forecasts reported beside the model
 * @param seasonLength season of seasonal naive and MASE; 0 = detect from the train part
 * @param backtest     rolling-origin evaluation over the test part
 */
public record EvaluationSpec(@NotNull List<Baseline> baselines, @Min(0) int seasonLength, @NotNull BacktestSpec backtest) {
    public EvaluationSpec {
        SpecChecks.require(EvaluationSpec.class, baselines, seasonLength, backtest);
        baselines = List.copyOf(baselines);
    }

    /** Naive and seasonal naive baselines, season detected, no backtest. */
    public static EvaluationSpec defaults() {
        return new EvaluationSpec(List.of(Baseline.NAIVE, Baseline.SEASONAL_NAIVE), 0, BacktestSpec.defaults());
    }

    public EvaluationSpec withBaselines(List<Baseline> value) {
        return new EvaluationSpec(value, seasonLength, backtest);
    }

    public EvaluationSpec withSeasonLength(int value) {
        return new EvaluationSpec(baselines, value, backtest);
    }

    public EvaluationSpec withBacktest(BacktestSpec value) {
        return new EvaluationSpec(baselines, seasonLength, value);
    }

    /** Baseline forecasts. */
    public enum Baseline {
        /** Repeat the last observed value. */
        NAIVE,
        /** Repeat the value one season ago. */
        SEASONAL_NAIVE
    }

    /**
     * Rolling-origin evaluation.
     *
     * @param folds number of origins; 0 = off
     * @param refit retrain at each origin
     */
    public record BacktestSpec(@Min(0) int folds, boolean refit) {
        public BacktestSpec {
            SpecChecks.require(BacktestSpec.class, folds, refit);
        }

        public static BacktestSpec defaults() {
            return new BacktestSpec(0, false);
        }

        public BacktestSpec withFolds(int value) {
            return new BacktestSpec(value, refit);
        }

        public BacktestSpec withRefit(boolean value) {
            return new BacktestSpec(folds, value);
        }
    }
}
