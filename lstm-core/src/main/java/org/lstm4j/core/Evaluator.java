package org.lstm4j.core;

import java.util.Map;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.data.Baselines;
import org.lstm4j.data.FittedScaler;
import org.lstm4j.data.Metrics;
import org.lstm4j.data.WindowedDataset;

/** Turns a model's scaled forecasts into forecasts and metrics in the data's own units. */
final class Evaluator {
    private final PreparedData data;
    private final TrainedModel model;

    Evaluator(PreparedData data, TrainedModel model) {
        this.data = data;
        this.model = model;
    }

    Evaluation evaluate(WindowedDataset windows) {
        return evaluate(forecast(windows));
    }

    Evaluation evaluate(Forecast forecast) {
        return new Evaluation(Metrics.of(forecast.actual(), forecast.predicted()),
                Map.of("naive", Metrics.of(forecast.actual(), forecast.naive())));
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
            for (int step = 0; step < horizon; step++) {
                actual[i][step] = target[first + step];
                predicted[i][step] = scaler.inverse(predicted[i][step]);
            }
        }
        return new Forecast(labels, actual, predicted, Baselines.naive(windows, target));
    }
}
