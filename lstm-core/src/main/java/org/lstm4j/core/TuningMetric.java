package org.lstm4j.core;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lstm4j.data.Metrics;

/**
 * The metric a search minimises, {@code tuning.metric}: {@code <part>_<metric>} with part {@code val} or
 * {@code test} and metric {@code rmse}, {@code mae}, {@code mse}, {@code mape}, {@code smape} or {@code mase}.
 *
 * @param validation true for the validation part, false for the test part
 * @param metric     the metric's name
 */
public record TuningMetric(boolean validation, String metric) {
    /** The metric names after the part prefix. */
    public static final List<String> METRICS = List.of("rmse", "mae", "mse", "mape", "smape", "mase");

    /** Parses {@code val_rmse}; empty when the name is not one of the allowed ones. */
    public static Optional<TuningMetric> parse(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String prefix : List.of("val_", "test_")) {
            if (lower.startsWith(prefix) && METRICS.contains(lower.substring(prefix.length()))) {
                return Optional.of(new TuningMetric(prefix.equals("val_"), lower.substring(prefix.length())));
            }
        }
        return Optional.empty();
    }

    /** What a user may write. */
    public static String allowed() {
        return "val_ or test_ followed by one of " + String.join(", ", METRICS) + " (e.g. val_rmse)";
    }

    /** The value of this metric in {@code result}; NaN when the part is missing. */
    public double of(ExperimentResult result) {
        Evaluation evaluation = validation ? result.validation() : result.test();
        if (evaluation == null) {
            return Double.NaN;
        }
        Metrics m = evaluation.model();
        return switch (metric) {
            case "rmse" -> m.rmse();
            case "mae" -> m.mae();
            case "mse" -> m.mse();
            case "mape" -> m.mape();
            case "smape" -> m.smape();
            case "mase" -> evaluation.mase(m);
            default -> throw new IllegalStateException(metric);
        };
    }
}
