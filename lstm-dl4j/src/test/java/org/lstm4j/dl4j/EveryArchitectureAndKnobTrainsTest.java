package org.lstm4j.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstm4j.api.Backend;
import org.lstm4j.api.GradientClippingSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.ModelSpec.Architecture;
import org.lstm4j.api.ModelSpec.BidirectionalMerge;
import org.lstm4j.api.OptimizerSpec.OptimizerType;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.StopReason;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.Training;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.TrainingSpec.Precision;

/**
 * Every architecture and training knob trains on the real backend, on a noisy two-feature sine with a horizon of 2,
 * beats the naive forecast (repeat the last value) on held-out windows, and restores from its parameters to
 * bit-identical predictions.
 */
class EveryArchitectureAndKnobTrainsTest {
    private static final SineWindows ALL = SineWindows.noisy(200, 10, 2, 2, 0.1, 3);
    private static final SineWindows TRAIN = ALL.range(0, 140);
    private static final SineWindows VALIDATION = ALL.range(140, ALL.size());
    private static final int EPOCHS = 10;

    private final Backend backend = new Dl4jBackend();

    static Stream<Arguments> settings() {
        ModelSpec lstm = TestSpecs.model();
        ModelSpec two = lstm.withNumLayers(2);
        ModelSpec bilstm = lstm.withArchitecture(Architecture.BILSTM);
        ModelSpec attention = TestSpecs.withAttentionSize(lstm.withArchitecture(Architecture.ATTENTION), 8);
        TrainingSpec adam = TestSpecs.training(EPOCHS);
        return Stream.of(
                Arguments.of("lstm x2, dropout 0.2", two.withDropout(0.2), adam),
                Arguments.of("lstm, batch_norm", TestSpecs.withBatchNorm(lstm, true), adam),
                Arguments.of("bilstm x2, concat, dropout 0.1", bilstm.withNumLayers(2).withDropout(0.1), adam),
                Arguments.of("bilstm, sum", TestSpecs.withMerge(bilstm, BidirectionalMerge.SUM), adam),
                Arguments.of("bilstm, average, batch_norm",
                        TestSpecs.withBatchNorm(TestSpecs.withMerge(bilstm, BidirectionalMerge.AVERAGE), true), adam),
                Arguments.of("attention", attention, adam),
                Arguments.of("attention x2, dropout 0.1, batch_norm",
                        TestSpecs.withBatchNorm(attention.withNumLayers(2).withDropout(0.1), true), adam),
                Arguments.of("clipping norm 0.5", lstm, TestSpecs.withClipping(adam, new GradientClippingSpec.Norm(0.5))),
                Arguments.of("clipping value 0.05", lstm, TestSpecs.withClipping(adam, new GradientClippingSpec.Value(0.05))),
                Arguments.of("l2 1e-4", lstm, adam.withL2(1e-4)),
                Arguments.of("adam + weight_decay 1e-3", lstm, TestSpecs.withWeightDecay(adam, 1e-3)),
                Arguments.of("sgd momentum + weight_decay 1e-3", lstm, TestSpecs.withWeightDecay(
                        adam.withOptimizer(TestSpecs.optimizer(OptimizerType.SGD, 0.1, 0.9)), 1e-3)),
                Arguments.of("rmsprop + weight_decay 1e-3", lstm, TestSpecs.withWeightDecay(
                        adam.withOptimizer(TestSpecs.optimizer(OptimizerType.RMSPROP, 0.005, 0.0)), 1e-3)),
                Arguments.of("accumulation_steps 2", lstm, TestSpecs.withAccumulation(adam, 2)),
                Arguments.of("float64", lstm, TestSpecs.withPrecision(adam, Precision.FLOAT64)),
                Arguments.of("float16", lstm, TestSpecs.withPrecision(adam, Precision.FLOAT16)),
                Arguments.of("attention, float16", attention, TestSpecs.withPrecision(adam, Precision.FLOAT16)),
                Arguments.of("bilstm, float64, batch_norm", TestSpecs.withBatchNorm(bilstm, true),
                        TestSpecs.withPrecision(adam, Precision.FLOAT64)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void trainsBeatsTheNaiveForecastAndRestoresBitIdentically(String name, ModelSpec model, TrainingSpec training)
            throws IOException {
        SampleShape shape = SampleShape.of(ALL);
        Training trained = backend.trainer(shape, model, training, 42).fit(TRAIN, VALIDATION, null);
        assertThat(trained.result().stopReason()).as(name).isEqualTo(StopReason.COMPLETED);
        assertThat(trained.result().history()).hasSize(EPOCHS)
                .allSatisfy(e -> assertThat(e.trainLoss()).as(name).isFinite());

        double[][] predicted = trained.model().predict(VALIDATION);
        assertThat(predicted).hasDimensions(VALIDATION.size(), 2);
        double mse = VALIDATION.mse(predicted);
        double naive = VALIDATION.naiveMse();
        assertThat(mse).as("%s: validation MSE against naive %s", name, naive).isLessThan(0.8 * naive);

        ByteArrayOutputStream parameters = new ByteArrayOutputStream();
        trained.model().writeParameters(parameters);
        TrainedModel restored = backend.restore(shape, model, training, new ByteArrayInputStream(parameters.toByteArray()));
        assertThat(restored.predict(ALL)).as(name).isDeepEqualTo(trained.model().predict(ALL));
        assertThat(restored.parameterCount()).isEqualTo(trained.model().parameterCount());
    }
}
