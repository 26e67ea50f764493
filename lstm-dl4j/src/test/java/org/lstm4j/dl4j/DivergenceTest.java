package org.lstm4j.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.StopReason;
import org.lstm4j.api.Training;
import org.lstm4j.api.TrainingControl;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingSpec;

/** A run that diverges after finite epochs stops at once and returns the network of its best epoch. */
class DivergenceTest {
    private final SineWindows data = SineWindows.of(160, 8, 1);
    private final SineWindows train = data.range(0, 120);
    private final SineWindows validation = data.range(120, 150);

    @Test
    void theBestEpochsWeightsAreRestoredWhenALaterEpochDiverges() {
        Map<Integer, double[][]> predictions = new HashMap<>();
        TrainingListener blowUp = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochResult epoch, TrainingControl control) {
                predictions.put(epoch.epoch(), control.currentModel().predict(validation));
                if (epoch.epoch() == 3) {
                    control.setLearningRate(1e12); // plain SGD with this step overflows the weights at once
                }
            }
        };
        TrainingSpec training = TestSpecs.training(10).withOptimizer(OptimizerSpec.defaults()
                .withType(OptimizerSpec.OptimizerType.SGD).withLearningRate(0.05));
        Training run = new Dl4jBackend().trainer(SampleShape.of(data), TestSpecs.model(), training, 5)
                .fit(train, validation, blowUp);

        assertThat(run.result().stopReason()).isEqualTo(StopReason.DIVERGED);
        int diverged = run.result().epochsRun();
        assertThat(diverged).as("stops in the epoch that diverged").isBetween(4, 5);
        assertThat(run.result().history().get(diverged - 1).valLoss()).isNaN();
        int best = run.result().bestEpoch();
        assertThat(best).isBetween(1, 3);
        assertThat(run.model().predict(validation)).as("the network of epoch " + best).isDeepEqualTo(predictions.get(best));
    }

    @Test
    void aRunWhoseFirstEpochDivergesHasNoBestEpochToRestore() {
        TrainingSpec training = TestSpecs.training(3).withOptimizer(OptimizerSpec.defaults()
                .withType(OptimizerSpec.OptimizerType.SGD).withLearningRate(0.05));
        TrainingListener blowUpAtOnce = new TrainingListener() {
            @Override
            public void onStart(TrainingControl control) {
                control.setLearningRate(1e12);
            }
        };
        Training run = new Dl4jBackend().trainer(SampleShape.of(data), TestSpecs.model(), training, 5)
                .fit(train, validation, blowUpAtOnce);
        assertThat(run.result().stopReason()).isEqualTo(StopReason.DIVERGED);
        assertThat(run.result().epochsRun()).isEqualTo(1);
        assertThat(run.result().bestEpoch()).isZero();
    }
}
