package org.lstm4j.core;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lstm4j.api.EvaluationSpec;
import org.lstm4j.api.SpecNames;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.data.Baselines;
import org.lstm4j.data.ChronologicalSplit;
import org.lstm4j.data.FittedScaler;
import org.lstm4j.data.Metrics;
import org.lstm4j.data.Seasonality;
import org.lstm4j.data.Transforms;
import org.lstm4j.data.WindowedDataset;

/**
 * Turns a model's scaled forecasts into forecasts and metrics in the data's own units: inverse-scaled,
 * inverse-transformed, beside the baselines on the same windows. The season length and the MASE scale
 * come from the train part only (or from the rows an evaluation of other data names).
 */
final class Evaluator {
    private final PreparedData data;
    private final TrainedModel model;
    private final EvaluationSpec spec;
    private final int seasonLength;
    private final double maseScale;

    Evaluator(PreparedData data, TrainedModel model, EvaluationSpec spec) {
        this(data, model, spec, data.split().train());
    }

    /**
     * An evaluator whose season length (unless {@code spec} gives one) and MASE scale come from the rows
     * {@code inSample} instead of the train part.
     */
    Evaluator(PreparedData data, TrainedModel model, EvaluationSpec spec, ChronologicalSplit.Part inSample) {
        this.data = data;
        this.model = model;
        this.spec = spec;
        double[] target = data.targetValues();
        this.seasonLength = spec.seasonLength() > 0 ? spec.seasonLength() : Seasonality.detect(target, inSample.from(), inSample.to());
        this.maseScale = Seasonality.maseScale(target, inSample.from(), inSample.to(), seasonLength);
    }

    /** The season length used by seasonal naive and MASE (given, or detected on the train part). */
    int seasonLength() {
        return seasonLength;
    }

    Evaluation evaluate(WindowedDataset windows) {
        return evaluate(windows, forecast(windows));
    }

    Evaluation evaluate(WindowedDataset windows, Forecast forecast) {
        double[] target = data.targetValues();
        Map<String, Metrics> baselines = new LinkedHashMap<>();
        baselines.put("naive", Metrics.of(forecast.actual(), forecast.naive()));
        if (spec.baselines().contains(EvaluationSpec.Baseline.SEASONAL_NAIVE)) {
            baselines.put(SpecNames.of(EvaluationSpec.Baseline.SEASONAL_NAIVE),
                    Metrics.of(forecast.actual(), Baselines.seasonalNaive(windows, target, seasonLength)));
        }
        return new Evaluation(Metrics.of(forecast.actual(), forecast.predicted()),
                Arrays.asList(Metrics.perStep(forecast.actual(), forecast.predicted())), baselines, maseScale,
                Metrics.of(forecast.naive(), forecast.predicted()).rmse());
    }

    Forecast forecast(WindowedDataset windows) {
        FittedScaler scaler = data.targetScaler();
        double[] target = data.targetValues();
        double[][] predicted = model.predict(windows);
        int horizon = windows.horizon();
        double[][] actual = new double[windows.size()][horizon];
        String[] labels = new String[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            int first = windows.firstTargetRow(i);
            labels[i] = data.series().timeLabels() == null ? Integer.toString(first) : data.series().timeLabels().get(first);
            double[] steps = new double[horizon];
            for (int step = 0; step < horizon; step++) {
                actual[i][step] = target[first + step];
                steps[step] = scaler.inverse(predicted[i][step]);
            }
            predicted[i] = Transforms.toLevels(data.spec().transform(), steps, target[windows.lastInputRow(i)]);
        }
        return new Forecast(labels, actual, predicted, Baselines.naive(windows, target));
    }
}
