package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.Training;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.dl4j.SineWindows;
import org.lstm4j.dl4j.TestSpecs;

/** The reported losses are the data loss, without the l2 penalty that DL4J's score adds. */
class TrainingLossTest {
    private final SineWindows all = SineWindows.of(80, 8, 2);
    private final SineWindows train = all.range(0, 50);
    private final SineWindows validation = all.range(50, all.size());
    private final SampleShape shape = SampleShape.of(all);
    private final ModelSpec model = TestSpecs.model().withHiddenSize(6);
    private final TrainingSpec spec = TestSpecs.training(1).withBatchSize(BatchSize.full()).withShuffle(false).withL2(0.5);

    @Test
    void trainLossIsTheMseOfTheWeightsTheStepStartedFrom() {
        Training t = new Dl4jTrainer(shape, model, spec, 3).fit(train, validation, null);
        EpochResult epoch = t.result().history().get(0);
        Dl4jTrainedModel initial = new Dl4jTrainedModel(NetworkFactory.build(shape, model, spec, 3), shape);
        double mse = mse(initial.predict(train), train);
        assertThat(epoch.trainLoss()).isCloseTo(mse, within(mse * 1e-5));
        double penalty = initial.network().calcRegularizationScore(true);
        assertThat(penalty).isGreaterThan(mse / 10); // big enough that including it would fail the check above
    }

    @Test
    void validationLossIsTheMseOfTheTrainedModel() {
        Training t = new Dl4jTrainer(shape, model, spec.withEpochs(2), 3).fit(train, validation, null);
        double mse = mse(t.model().predict(validation), validation);
        assertThat(t.result().history().get(1).valLoss()).isCloseTo(mse, within(mse * 1e-5));
    }

    @Test
    void weightedMeanOverUnequalBatches() {
        // 50 samples in batches of 20, 20, 10: a plain mean of the three would weigh the last batch double
        TrainingSpec batches = TestSpecs.training(1).withBatchSize(BatchSize.of(20)).withShuffle(false)
                .withOptimizer(TestSpecs.optimizer(org.lstm4j.api.OptimizerSpec.OptimizerType.SGD, 1e-9, 0.0));
        Training t = new Dl4jTrainer(shape, model, batches, 3).fit(train, null, null);
        double mse = mse(t.model().predict(train), train); // lr 1e-9: the weights barely move
        assertThat(t.result().history().get(0).trainLoss()).isCloseTo(mse, within(mse * 1e-4));
    }

    private static double mse(double[][] predicted, SineWindows data) {
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            for (int h = 0; h < data.horizon(); h++) {
                double d = predicted[i][h] - data.target(i, h);
                sum += d * d;
            }
        }
        return sum / (data.size() * data.horizon());
    }
}
