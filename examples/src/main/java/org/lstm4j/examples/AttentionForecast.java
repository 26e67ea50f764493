package org.lstm4j.examples;

import org.lstm4j.api.AttentionWeights;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.core.Experiment;
import org.lstm4j.core.ExperimentResult;

/**
 * The sine forecast with attention pooling (the same experiment as {@code examples/sine/sine-attention.yaml}),
 * then the attention weights of the last test window: how much each of the 10 input steps counted.
 */
public final class AttentionForecast {
    private AttentionForecast() {}

    /** The sine experiment with {@code architecture: attention}, a scoring layer 64 wide. */
    public static ExperimentSpec spec() {
        ExperimentSpec sine = SineWaveForecast.spec();
        return sine.withName("sine-attention").withModel(sine.model().withArchitecture(ModelSpec.Architecture.ATTENTION)
                .withAttentionSize(64));
    }

    public static void main(String[] args) {
        ExperimentResult result = Experiment.run(spec(), TrainingListener.NONE);
        System.out.printf("attention: test rmse %.5f (naive %.5f)%n", result.test().model().rmse(),
                result.test().baselines().get("naive").rmse());
        if (result.model() instanceof AttentionWeights attention) {
            double[][] weights = attention.attentionWeights(result.data().test());
            double[] last = weights[weights.length - 1];
            System.out.println("attention weights of the last test window, oldest step first:");
            for (int t = 0; t < last.length; t++) {
                System.out.printf("  t-%-2d %.3f %s%n", last.length - t, last[t], "#".repeat((int) Math.round(last[t] * 50)));
            }
        }
    }
}
