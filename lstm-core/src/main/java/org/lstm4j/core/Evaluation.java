package org.lstm4j.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lstm4j.data.Metrics;

/**
 * Metrics of one part of the series, in the data's own units, beside the baselines on the same windows.
 *
 * @param model     the model's metrics over every window and horizon step
 * @param perStep   the model's metrics for each horizon step
 * @param baselines each baseline's metrics, by DSL name ({@code naive}, {@code seasonal_naive}), in that order
 * @param maseScale denominator of MASE: the in-sample (train part) error of the seasonal naive forecast
 * @param lagRmse   rmse of the model's forecasts against the last observed value of each window: for one step
 *                  ahead, the series shifted by one step; for every step of a longer horizon, what a model
 *                  that only repeats its last input would forecast
 */
public record Evaluation(Metrics model, List<Metrics> perStep, Map<String, Metrics> baselines, double maseScale, double lagRmse) {
    public Evaluation {
        perStep = List.copyOf(perStep);
        baselines = Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
    }

    /** MASE of any forecaster's metrics: its MAE over the in-sample seasonal naive MAE. */
    public double mase(Metrics metrics) {
        return metrics.mae() / maseScale;
    }

    /** 1 - rmse(model) / rmse(naive): above 0 means the model beats repeating the last value. */
    public double skillVsNaive() {
        Metrics naive = baselines.get("naive");
        return naive == null || naive.rmse() == 0 ? Double.NaN : 1 - model.rmse() / naive.rmse();
    }

    /**
     * The lag check: the forecasts track the series shifted by one step better than the series itself, or
     * they do not beat the naive forecast. Either way the model has learnt little beyond the last value.
     */
    public boolean lagging() {
        double skill = skillVsNaive();
        return lagRmse < model.rmse() || (Double.isFinite(skill) && skill <= 0);
    }
}
