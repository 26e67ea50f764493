package org.lstm4j.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.lstm4j.dl4j.TestSpecs.model;
import static org.lstm4j.dl4j.TestSpecs.training;

import java.io.ByteArrayInputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.GradientClippingSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec.OptimizerType;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.TrainingSpec.Precision;
import org.lstm4j.api.UnsupportedFeatureException;

class UnsupportedFeaturesTest {
    private final Dl4jBackend backend = new Dl4jBackend();
    private final SampleShape shape = new SampleShape(10, 1, 1);

    static Stream<Arguments> unsupported() {
        ModelSpec m = model();
        TrainingSpec t = training(1);
        return Stream.of(
                Arguments.of("model.architecture", m.withArchitecture(ModelSpec.Architecture.BILSTM), t),
                Arguments.of("model.architecture", m.withArchitecture(ModelSpec.Architecture.ATTENTION), t),
                Arguments.of("model.dropout", m.withDropout(0.2), t),
                Arguments.of("model.batch_norm", new ModelSpec(m.architecture(), m.hiddenSize(), m.numLayers(), 0.0, true,
                        m.bidirectionalMerge(), m.attentionSize()), t),
                Arguments.of("training.gradient_clipping", m, TestSpecs.with(t, 0, GradientClippingSpec.Norm.defaults(), 1, Precision.FLOAT32)),
                Arguments.of("training.gradient_clipping", m, TestSpecs.with(t, 0, GradientClippingSpec.Value.defaults(), 1, Precision.FLOAT32)),
                Arguments.of("training.accumulation_steps", m, TestSpecs.with(t, 0, new GradientClippingSpec.None(), 2, Precision.FLOAT32)),
                Arguments.of("training.precision", m, TestSpecs.with(t, 0, new GradientClippingSpec.None(), 1, Precision.FLOAT64)),
                Arguments.of("training.precision", m, TestSpecs.with(t, 0, new GradientClippingSpec.None(), 1, Precision.FLOAT16)),
                Arguments.of("training.weight_decay", m, TestSpecs.withWeightDecay(t, 0.01)),
                Arguments.of("training.weight_decay", m, TestSpecs.withWeightDecay(
                        t.withOptimizer(TestSpecs.optimizer(OptimizerType.SGD, 0.01, 0.9)), 0.01)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupported")
    void trainerAndRestoreNameTheKey(String key, ModelSpec model, TrainingSpec training) {
        UnsupportedFeatureException e = catchThrowableOfType(UnsupportedFeatureException.class,
                () -> backend.trainer(shape, model, training, 1));
        assertThat(e.key()).isEqualTo(key);
        assertThat(e).hasMessageStartingWith(key + ": ");
        UnsupportedFeatureException r = catchThrowableOfType(UnsupportedFeatureException.class,
                () -> backend.restore(shape, model, training, new ByteArrayInputStream(new byte[0])));
        assertThat(r.key()).isEqualTo(key);
    }

    @Test
    void weightDecayIsFineWithAdamw() {
        TrainingSpec adamw = TestSpecs.withWeightDecay(training(1).withOptimizer(TestSpecs.optimizer(OptimizerType.ADAMW, 0.01, 0.9)), 0.01);
        assertThatCode(() -> backend.trainer(shape, model(), adamw, 1)).doesNotThrowAnyException();
    }
}
