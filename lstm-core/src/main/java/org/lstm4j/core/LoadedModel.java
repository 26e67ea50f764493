package org.lstm4j.core;

import java.util.Map;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.data.ChronologicalSplit;
import org.lstm4j.data.FittedScaler;
import org.lstm4j.data.Series;

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
}
