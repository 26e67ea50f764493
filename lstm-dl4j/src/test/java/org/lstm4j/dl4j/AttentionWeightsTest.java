package org.lstm4j.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.AttentionWeights;
import org.lstm4j.api.Backend;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.TrainingSpec;

/** Java users can see which steps of a window an attention model attended to. */
class AttentionWeightsTest {
    private final Backend backend = new Dl4jBackend();
    private final SineWindows data = SineWindows.noisy(120, 10, 1, 1, 0.05, 4);
    private final SampleShape shape = SampleShape.of(data);
    private final ModelSpec attention = TestSpecs.model().withArchitecture(ModelSpec.Architecture.ATTENTION);
    private final TrainingSpec training = TestSpecs.training(3);

    @Test
    void attentionModelsTellTheirWeightsOneRowPerWindowSummingToOne() throws IOException {
        TrainedModel model = backend.trainer(shape, attention, training, 1).fit(data, null, null).model();
        assertThat(model).isInstanceOf(AttentionWeights.class);
        double[][] weights = ((AttentionWeights) model).attentionWeights(data);
        assertThat(weights).hasDimensions(data.size(), 10);
        for (double[] row : weights) {
            assertThat(Arrays.stream(row).sum()).isCloseTo(1.0, within(1e-9));
            assertThat(Arrays.stream(row).min().orElseThrow()).isPositive();
        }
        // a window's weights do not depend on the other windows asked about with it
        double[][] one = ((AttentionWeights) model).attentionWeights(data.range(5, 6));
        for (int t = 0; t < 10; t++) {
            assertThat(one[0][t]).isCloseTo(weights[5][t], within(1e-6));
        }

        ByteArrayOutputStream parameters = new ByteArrayOutputStream();
        model.writeParameters(parameters);
        TrainedModel restored = backend.restore(shape, attention, training, new ByteArrayInputStream(parameters.toByteArray()));
        assertThat(((AttentionWeights) restored).attentionWeights(data)).isDeepEqualTo(weights);

        assertThatThrownBy(() -> ((AttentionWeights) model).attentionWeights(SineWindows.of(40, 8, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 steps");
    }

    @Test
    void aClosedModelRefusesWorkInsteadOfTouchingFreedMemory() {
        TrainedModel model = backend.trainer(shape, attention, training.withEpochs(1), 1).fit(data.range(0, 20), null, null).model();
        assertThat(model.predict(data.range(0, 2))).hasNumberOfRows(2);
        model.close();
        model.close(); // idempotent
        assertThatThrownBy(() -> model.predict(data.range(0, 2))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> ((AttentionWeights) model).attentionWeights(data.range(0, 2)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> model.writeParameters(new ByteArrayOutputStream()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void otherArchitecturesDoNotClaimTheCapability() {
        for (ModelSpec.Architecture architecture : new ModelSpec.Architecture[] {ModelSpec.Architecture.LSTM,
                ModelSpec.Architecture.BILSTM}) {
            TrainedModel model = backend.trainer(shape, attention.withArchitecture(architecture), training.withEpochs(1), 1)
                    .fit(data.range(0, 20), null, null).model();
            assertThat(model).as("%s", architecture).isNotInstanceOf(AttentionWeights.class);
        }
    }
}
