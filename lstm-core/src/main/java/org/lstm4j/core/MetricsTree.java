package org.lstm4j.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lstm4j.data.Metrics;

/**
 * The JSON shape of metrics, shared by {@code metrics.json} and {@code lstm evaluate --json}: nested maps ready for
 * Jackson, in the data's own units, with {@code null} where a value cannot be computed (JSON has no NaN).
 */
public final class MetricsTree {
    private MetricsTree() {}

    /**
     * The model's metrics over one part: {@code rmse, mae, mse, mape, smape, mase, skill} and {@code per_step}, a list
     * of {@code {step, rmse, ..., mase}}.
     */
    public static Map<String, Object> part(Evaluation evaluation) {
        Map<String, Object> tree = metrics(evaluation.model(), evaluation);
        tree.put("skill", finite(evaluation.skillVsNaive()));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int step = 0; step < evaluation.perStep().size(); step++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("step", step + 1);
            one.putAll(metrics(evaluation.perStep().get(step), evaluation));
            steps.add(one);
        }
        tree.put("per_step", steps);
        return tree;
    }

    /** Each baseline's metrics on the same windows, by name ({@code naive}, {@code seasonal_naive}). */
    public static Map<String, Object> baselines(Evaluation evaluation) {
        Map<String, Object> baselines = new LinkedHashMap<>();
        evaluation.baselines().forEach((name, m) -> baselines.put(name, metrics(m, evaluation)));
        return baselines;
    }

    /** The lag check: {@code lagging, lag_rmse, message} (the message {@code null} when not lagging). */
    public static Map<String, Object> diagnostics(Evaluation evaluation) {
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("lagging", evaluation.lagging());
        diagnostics.put("lag_rmse", finite(evaluation.lagRmse()));
        diagnostics.put("message", evaluation.lagging() ? Diagnostics.laggingMessage(evaluation) : null);
        return diagnostics;
    }

    /** {@code rmse, mae, mse, mape, smape, mase} of {@code m}, MASE on {@code evaluation}'s scale. */
    static Map<String, Object> metrics(Metrics m, Evaluation evaluation) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("rmse", finite(m.rmse()));
        tree.put("mae", finite(m.mae()));
        tree.put("mse", finite(m.mse()));
        tree.put("mape", finite(m.mape()));
        tree.put("smape", finite(m.smape()));
        tree.put("mase", finite(evaluation.mase(m)));
        return tree;
    }

    /** JSON has no NaN: a value that could not be computed is null. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
