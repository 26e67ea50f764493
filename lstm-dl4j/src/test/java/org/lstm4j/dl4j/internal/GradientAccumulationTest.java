package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.Training;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.dl4j.SineWindows;
import org.lstm4j.dl4j.TestSpecs;
import org.nd4j.linalg.api.ndarray.INDArray;

/** accumulation_steps N with batch B takes the same Adam steps as batch N x B. */
class GradientAccumulationTest {
    // 50 samples: steps of 48 and 2 samples, whether as 4 x 12 (+ 2) or as 48 (+ 2)
    private final SineWindows data = SineWindows.noisy(59, 8, 2, 2, 0.1, 5);
    private final SampleShape shape = SampleShape.of(data);
    private final ModelSpec model = TestSpecs.model().withNumLayers(2).withHiddenSize(6);
    private final TrainingSpec adam = TestSpecs.training(3);

    @Test
    void fourMicroBatchesOfTwelveEqualOneBatchOfFortyEight() {
        assertThat(data.size()).isEqualTo(50);
        Training accumulated = train(TestSpecs.withAccumulation(adam.withBatchSize(BatchSize.of(12)), 4));
        Training big = train(adam.withBatchSize(BatchSize.of(48)));
        INDArray a = params(accumulated);
        INDArray b = params(big);
        assertThat(a.sub(b).amaxNumber().doubleValue()).isLessThan(1e-6);
        assertThat(b.sub(initial()).amaxNumber().doubleValue()).as("training moved the weights").isGreaterThan(1e-2);
        List<EpochResult> x = accumulated.result().history();
        List<EpochResult> y = big.result().history();
        for (int e = 0; e < 3; e++) {
            assertThat(x.get(e).trainLoss()).isCloseTo(y.get(e).trainLoss(), within(1e-6));
        }
        // and it is not the same as stepping after every batch of 12
        INDArray small = params(train(adam.withBatchSize(BatchSize.of(12))));
        assertThat(small.sub(b).amaxNumber().doubleValue()).isGreaterThan(1e-3);
    }

    private Training train(TrainingSpec spec) {
        return new Dl4jTrainer(shape, model, spec, 17).fit(data, null, null);
    }

    private INDArray initial() {
        return NetworkFactory.build(shape, model, adam, 17).params();
    }

    private static INDArray params(Training t) {
        return ((Dl4jTrainedModel) t.model()).network().params();
    }
}
