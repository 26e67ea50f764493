package org.lstm4j.core;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.data.ChronologicalSplit;
import org.lstm4j.data.FittedScaler;
import org.lstm4j.data.Series;
import org.lstm4j.data.WindowedDataset;

/**
 * A model read back from a bundle, with the spec and fitted scalers it was trained with.
 *
 * @param spec    the experiment it was trained by
 * @param scalers its fitted scalers, by column
 * @param model   the network
 */
public record LoadedModel(ExperimentSpec spec, Map<String, FittedScaler> scalers, TrainedModel model) {

    /**
     * Forecasts every window of {@code series} whose targets lie in {@code part}, in the data's units,
     * scaling with the bundle's scalers. The series must have the columns the model was trained on.
     */
    public Forecast forecast(Series series, ChronologicalSplit.Part part) {
        PreparedData data = PreparedData.withScalers(spec.data(), series, scalers);
        return new Evaluator(data, model, spec.evaluation()).forecast(data.windows(part));
    }

    /**
     * Scores the model on the test part of {@code series} (split as its experiment says), with the bundle's fitted
     * scalers, beside the baselines: the season length and the MASE scale come from the train part. On the series the
     * model was trained on, these are the test metrics {@code lstm train} reported.
     *
     * @throws ExperimentException when the test part has no complete window
     */
    public Scorecard evaluateTestPart(Series series) {
        PreparedData data = PreparedData.withScalers(spec.data(), series, scalers);
        return score(data, data.split().test(), data.split().train());
    }

    /**
     * Scores the model on every window of {@code series}, with the bundle's fitted scalers, beside the baselines: the
     * season length (unless the experiment gives one) and the MASE scale come from the whole series.
     *
     * @throws ExperimentException when the series is shorter than one window and its horizon
     */
    public Scorecard evaluateAll(Series series) {
        PreparedData data = PreparedData.withScalers(spec.data(), series, scalers);
        ChronologicalSplit.Part all = new ChronologicalSplit.Part(0, series.length());
        return score(data, all, all);
    }

    private Scorecard score(PreparedData data, ChronologicalSplit.Part part, ChronologicalSplit.Part inSample) {
        WindowedDataset windows = data.windows(part);
        if (windows.size() == 0) {
            DataSpec shape = spec.data();
            throw new ExperimentException("data.window", "rows " + part.from() + ".." + part.to() + " of the " + data.series().length()
                    + "-row series hold no complete window: the model reads " + shape.window() + " rows"
                    + (shape.transform() == DataSpec.Transform.DIFFERENCE ? " (+ 1 for difference)" : "")
                    + " and forecasts the next " + shape.horizon());
        }
        Evaluator evaluator = new Evaluator(data, model, spec.evaluation(), inSample);
        return new Scorecard(evaluator.evaluate(windows), windows.size(), evaluator.seasonLength());
    }

    /**
     * Forecasts the {@code steps} steps after the last row of {@code series}, in the data's units. A model whose
     * only input is its target feeds its forecasts back (in horizon-sized blocks); a model with other inputs can
     * only forecast as far as its horizon, since their future values are unknown.
     *
     * @throws ExperimentException when the series is shorter than a window, or more steps are asked of a
     *                             multivariate model than its horizon
     */
    public FutureForecast forecastAhead(Series series, int steps) {
        DataSpec data = spec.data();
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        }
        boolean univariate = data.inputColumns().equals(List.of(data.targetColumn()));
        if (!univariate && steps > data.horizon()) {
            throw new ExperimentException("data.horizon", "this model reads " + data.inputColumns() + " and forecasts "
                    + data.horizon() + " step(s) at once; " + steps + " steps would need future values of its other inputs. "
                    + "Ask for at most " + data.horizon() + " steps, or train a model with a longer horizon");
        }
        String target = data.targetColumn();
        WindowCodec codec = WindowCodec.of(this);
        Series working = series;
        double[] forecast = new double[steps];
        int done = 0;
        while (done < steps) {
            PreparedData prepared = PreparedData.withScalers(data, working, scalers);
            double[] scaled = model.predict(prepared.latestWindow())[0];
            double[] levels = codec.decode(scaled, working.column(target)[working.length() - 1]);
            int take = Math.min(levels.length, steps - done);
            System.arraycopy(levels, 0, forecast, done, take);
            done += take;
            if (done < steps) {
                working = append(working, target, levels);
            }
        }
        return new FutureForecast(TimeLabels.extend(series.timeLabels(), steps), forecast);
    }

    private static Series append(Series series, String target, double[] values) {
        int index = series.columnIndex(target);
        double[][] columns = series.values().clone();
        double[] extended = Arrays.copyOf(columns[index], columns[index].length + values.length);
        System.arraycopy(values, 0, extended, columns[index].length, values.length);
        columns[index] = extended;
        for (int c = 0; c < columns.length; c++) {
            if (c != index) {
                columns[c] = Arrays.copyOf(columns[c], extended.length);
            }
        }
        List<String> labels = series.timeLabels() == null ? null : TimeLabels.extendAppended(series.timeLabels(), values.length);
        return new Series(series.columns(), columns, labels);
    }
}
