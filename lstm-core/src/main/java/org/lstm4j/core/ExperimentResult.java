package org.lstm4j.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.TrainingResult;

/**
 * A trained and evaluated experiment.
 *
 * @param spec         the experiment as run
 * @param data         the prepared data (series, split, fitted scalers, windows)
 * @param model        the trained network
 * @param backendName  the backend that trained it
 * @param training     history, best epoch, stop reason, timings
 * @param validation   metrics on the validation part, or null without one
 * @param test         metrics on the test part
 * @param testForecast the test part's forecasts, for {@code predictions.csv}
 * @param seasonLength the season of seasonal naive and MASE (given or detected on the train part)
 * @param backtest     the folds of the rolling-origin backtest, empty without one
 */
public record ExperimentResult(ExperimentSpec spec, PreparedData data, TrainedModel model, String backendName,
                               TrainingResult training, Evaluation validation, Evaluation test, Forecast testForecast,
                               int seasonLength, List<BacktestFold> backtest) {
    public ExperimentResult {
        backtest = List.copyOf(backtest);
    }


    /** Saves the model, its spec and its fitted scalers as one bundle file. */
    public void saveBundle(Path file) throws IOException {
        ModelBundle.save(this, file);
    }
}
