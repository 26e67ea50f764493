package org.lstm4j.examples;

import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.core.Experiment;
import org.lstm4j.core.ExperimentResult;

/** The sine forecast with a bidirectional LSTM: the same experiment as {@code examples/sine/sine-bilstm.yaml}. */
public final class BidirectionalForecast {
    private BidirectionalForecast() {}

    /** The sine experiment with {@code architecture: bilstm}, directions concatenated. */
    public static ExperimentSpec spec() {
        ExperimentSpec sine = SineWaveForecast.spec();
        return sine.withName("sine-bilstm").withModel(sine.model().withArchitecture(ModelSpec.Architecture.BILSTM)
                .withBidirectionalMerge(ModelSpec.BidirectionalMerge.CONCAT));
    }

    public static void main(String[] args) {
        ExperimentResult result = Experiment.run(spec(), TrainingListener.NONE);
        System.out.printf("bilstm: %d parameters, test rmse %.5f (naive %.5f)%n", result.model().parameterCount(),
                result.test().model().rmse(), result.test().baselines().get("naive").rmse());
    }
}
