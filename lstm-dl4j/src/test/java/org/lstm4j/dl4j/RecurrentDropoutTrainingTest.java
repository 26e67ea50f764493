package org.lstm4j.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.Backend;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.Training;
import org.lstm4j.api.TrainingSpec;

/** {@code model.recurrent_dropout} through the backend: reproducible from the seed, a different run than without it. */
class RecurrentDropoutTrainingTest {
    private final Backend backend = new Dl4jBackend();
    private final SineWindows all = SineWindows.of(200, 10, 1);
    private final SineWindows train = all.range(0, 150);
    private final SineWindows validation = all.range(150, 190);
    private final SampleShape shape = SampleShape.of(all);
    private final ModelSpec model = TestSpecs.model().withNumLayers(2).withHiddenSize(12);
    private final TrainingSpec training = TestSpecs.training(4);

    @Test
    void theSameSeedTrainsBitIdenticallyAndDifferentlyFromNoRecurrentDropout() {
        Training a = fit(model.withRecurrentDropout(0.3));
        Training b = fit(model.withRecurrentDropout(0.3));
        Training none = fit(model);

        assertThat(losses(a)).isEqualTo(losses(b));
        assertThat(a.model().predict(validation)).isDeepEqualTo(b.model().predict(validation));
        assertThat(losses(a)).doesNotContain(Double.NaN);
        List<Double> trainLosses = a.result().history().stream().map(EpochResult::trainLoss).toList();
        List<Double> plainLosses = none.result().history().stream().map(EpochResult::trainLoss).toList();
        for (int epoch = 0; epoch < trainLosses.size(); epoch++) {
            assertThat(trainLosses.get(epoch)).as("epoch %d", epoch + 1).isNotEqualTo(plainLosses.get(epoch));
        }
        // the first epoch's first batch is measured before any step, on the same initial weights: the masks alone differ
        assertThat(a.result().history().get(0).trainLoss()).isNotEqualTo(none.result().history().get(0).trainLoss());
    }

    /** Prediction applies no mask: the parameters restored without recurrent dropout predict bit-identically. */
    @Test
    void predictionsAreDeterministicAndNeedNoRecurrentDropout() throws IOException {
        Training trained = fit(model.withRecurrentDropout(0.5));
        double[][] predicted = trained.model().predict(validation);
        assertThat(trained.model().predict(validation)).isDeepEqualTo(predicted);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.model().writeParameters(bytes);
        TrainedModel restored = backend.restore(shape, model, training, new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(restored.predict(validation)).isDeepEqualTo(predicted);
        // one and two windows run in plain Java on a restored model, on libnd4j's fused layer on the trained one
        for (int windows = 1; windows <= 2; windows++) {
            SineWindows few = validation.range(0, windows);
            assertThat(restored.predict(few)).isDeepEqualTo(trained.model().predict(few));
        }
    }

    private Training fit(ModelSpec spec) {
        return backend.trainer(shape, spec, training, 7).fit(train, validation, null);
    }

    private static List<Double> losses(Training training) {
        return training.result().history().stream().flatMap(e -> java.util.stream.Stream.of(e.trainLoss(), e.valLoss())).toList();
    }
}
