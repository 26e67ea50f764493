package org.lstm4j.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.Backend;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.ModelSpec.Architecture;
import org.lstm4j.api.ModelSpec.BidirectionalMerge;
import org.lstm4j.api.NetworkWeights;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.TrainingSpec.Precision;

/**
 * {@code TrainedModel.weights()} and {@code Backend.restore(..., NetworkWeights)}: the weights a trained network gives
 * compute, in an independent PyTorch-semantics forward pass ({@link ReferenceForward}), what the network predicts; and
 * a network restored from them predicts the same. Every architecture, several features, a horizon of 3, trained a few
 * epochs so that no weight (nor BatchNorm's running statistics) is still at its initial value.
 */
class NetworkWeightsTest {
    private static final SineWindows DATA = SineWindows.of(120, 7, 3, 2, 1.0);
    private static final SampleShape SHAPE = SampleShape.of(DATA);
    private final Backend backend = new Dl4jBackend();

    static Stream<Arguments> networks() {
        ModelSpec small = ModelSpec.defaults().withHiddenSize(5).withNumLayers(2).withAttentionSize(4);
        return Stream.of(
                Arguments.of("lstm 1 layer", small.withNumLayers(1)),
                Arguments.of("lstm 2 layers", small),
                Arguments.of("lstm batch norm", small.withBatchNorm(true)),
                Arguments.of("bilstm concat", small.withArchitecture(Architecture.BILSTM)),
                Arguments.of("bilstm sum", small.withArchitecture(Architecture.BILSTM).withBidirectionalMerge(BidirectionalMerge.SUM)),
                Arguments.of("bilstm average batch norm", small.withArchitecture(Architecture.BILSTM)
                        .withBidirectionalMerge(BidirectionalMerge.AVERAGE).withBatchNorm(true)),
                Arguments.of("attention", small.withArchitecture(Architecture.ATTENTION)),
                Arguments.of("attention batch norm", small.withArchitecture(Architecture.ATTENTION).withBatchNorm(true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void weightsComputeWhatTheNetworkPredictsAndRestoreToTheSameNetwork(String name, ModelSpec model) {
        TrainingSpec training = TestSpecs.withPrecision(TestSpecs.training(3), Precision.FLOAT64);
        try (TrainedModel trained = backend.trainer(SHAPE, model, training, 11).fit(DATA, null, null).model()) {
            NetworkWeights weights = trained.weights();
            assertThat(weights.layers()).hasSize(model.numLayers());
            assertThat(weights.bidirectional()).isEqualTo(model.architecture() == Architecture.BILSTM);
            assertThat(weights.attention() != null).isEqualTo(model.architecture() == Architecture.ATTENTION);
            assertThat(weights.batchNorm() != null).isEqualTo(model.batchNorm());
            if (model.batchNorm()) {
                assertThat(weights.batchNorm().mean()).as("running mean moved in training").isNotEqualTo(new double[5]);
            }
            double[][] predicted = trained.predict(DATA);
            for (int sample = 0; sample < DATA.size(); sample += 17) {
                double[] expected = ReferenceForward.forecast(weights, model.bidirectionalMerge(), window(sample));
                for (int k = 0; k < expected.length; k++) {
                    assertThat(predicted[sample][k]).as("sample %d step %d", sample, k).isCloseTo(expected[k], within(1e-9));
                }
            }
            try (TrainedModel restored = backend.restore(SHAPE, model, training, weights)) {
                assertThat(restored.predict(DATA)).isDeepEqualTo(predicted);
                assertThat(restored.weights().layers().get(0).forward().input().values())
                        .containsExactly(weights.layers().get(0).forward().input().values());
            }
        }
    }

    @Test
    void float32NetworksTakeTheWeightsInTheirPrecision() {
        ModelSpec model = ModelSpec.defaults().withHiddenSize(4).withNumLayers(1);
        try (TrainedModel trained = backend.trainer(SHAPE, model, TestSpecs.training(2), 3).fit(DATA, null, null).model();
             TrainedModel restored = backend.restore(SHAPE, model, TestSpecs.training(2), trained.weights())) {
            assertThat(restored.predict(DATA)).isDeepEqualTo(trained.predict(DATA));
        }
    }

    @Test
    void weightsOfAnotherShapeAreRefusedNamingTheTensorAndBothShapes() {
        ModelSpec model = ModelSpec.defaults().withHiddenSize(4).withNumLayers(1);
        TrainingSpec training = TestSpecs.training(1);
        try (TrainedModel wider = backend.trainer(SHAPE, model.withHiddenSize(6), training, 3).fit(DATA, null, null).model();
             TrainedModel deeper = backend.trainer(SHAPE, model.withNumLayers(2), training, 3).fit(DATA, null, null).model()) {
            assertThatThrownBy(() -> backend.restore(SHAPE, model, training, wider.weights()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("layer 0 input weights: expected [16, 2], found [24, 2]");
            assertThatThrownBy(() -> backend.restore(SHAPE, model, training, deeper.weights()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("LSTM layers: the model has 1, the weights 2");
        }
    }

    private static double[][] window(int sample) {
        float[] flat = new float[DATA.window() * DATA.features()];
        DATA.copyInputs(sample, flat, 0);
        double[][] window = new double[DATA.window()][DATA.features()];
        for (int t = 0; t < window.length; t++) {
            for (int f = 0; f < DATA.features(); f++) {
                window[t][f] = flat[t * DATA.features() + f];
            }
        }
        return window;
    }
}
