package org.lstm4j.core;

import java.util.Map;
import org.lstm4j.data.Metrics;

/**
 * Metrics of one part of the series, in the data's own units, beside the baselines on the same windows.
 *
 * @param model     the model's metrics
 * @param baselines each baseline's metrics, by DSL name ({@code naive})
 */
public record Evaluation(Metrics model, Map<String, Metrics> baselines) {
    public Evaluation {
        baselines = Map.copyOf(baselines);
    }

    /** 1 - rmse(model) / rmse(naive): above 0 means the model beats the naive forecast. */
    public double skillVsNaive() {
        Metrics naive = baselines.get("naive");
        return naive == null || naive.rmse() == 0 ? Double.NaN : 1 - model.rmse() / naive.rmse();
    }
}
