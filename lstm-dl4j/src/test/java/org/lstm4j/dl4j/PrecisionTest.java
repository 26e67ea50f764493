package org.lstm4j.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.Backend;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.TrainingSpec.Precision;

/** training.precision reaches the parameters, the predictions and the parameter file. */
class PrecisionTest {
    private final Backend backend = new Dl4jBackend();
    private final SineWindows data = SineWindows.noisy(80, 8, 2, 1, 0.05, 6);
    private final SampleShape shape = SampleShape.of(data);
    private final ModelSpec model = TestSpecs.model().withHiddenSize(8);

    @Test
    void float64PredictsInDoublePrecisionAndRestoresBitForBit() throws IOException {
        TrainingSpec spec = TestSpecs.withPrecision(TestSpecs.training(2), Precision.FLOAT64);
        TrainedModel trained = backend.trainer(shape, model, spec, 1).fit(data, null, null).model();
        double[][] predicted = trained.predict(data);
        assertThat(Arrays.stream(predicted).flatMapToDouble(Arrays::stream).filter(v -> v != (float) v).count())
                .as("values that are not float32 numbers").isPositive();
        byte[] parameters = parameters(trained);
        assertThat(parameters).hasSize(20 + 8 * (int) trained.parameterCount());
        TrainedModel restored = backend.restore(shape, model, spec, new ByteArrayInputStream(parameters));
        assertThat(restored.predict(data)).isDeepEqualTo(predicted);
        // a float32 network cannot silently take float64 parameters
        assertThatThrownBy(() -> backend.restore(shape, model, TestSpecs.training(2), new ByteArrayInputStream(parameters)))
                .isInstanceOf(IOException.class).hasMessageContaining("float64 but the network is float32");
    }

    @Test
    void float16TrainsWithAdamAndStoresTwoBytesPerParameter() throws IOException {
        TrainingSpec spec = TestSpecs.withPrecision(TestSpecs.training(3), Precision.FLOAT16);
        var training = backend.trainer(shape, model, spec, 1).fit(data, null, null);
        assertThat(training.result().history()).allSatisfy(e -> assertThat(e.trainLoss()).isFinite());
        assertThat(training.result().history().get(2).trainLoss()).isLessThan(training.result().history().get(0).trainLoss());
        double[][] predicted = training.model().predict(data);
        // every prediction is a half-precision number: 11 significant bits
        assertThat(Arrays.stream(predicted).flatMapToDouble(Arrays::stream)
                .allMatch(v -> Float.floatToIntBits((float) v) % (1 << 13) == 0)).isTrue();
        byte[] parameters = parameters(training.model());
        assertThat(parameters).hasSize(20 + 2 * (int) training.model().parameterCount());
        TrainedModel restored = backend.restore(shape, model, spec, new ByteArrayInputStream(parameters));
        assertThat(restored.predict(data)).isDeepEqualTo(predicted);
    }

    private static byte[] parameters(TrainedModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.writeParameters(out);
        return out.toByteArray();
    }
}
