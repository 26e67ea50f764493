package org.lstm4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lstm4j.api.EarlyStoppingSpec;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.SchedulerSpec;
import org.lstm4j.api.SplitSpec;
import org.lstm4j.api.StopReason;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.WindowedData;
import org.lstm4j.core.config.ConfigException;

/** Early stopping and schedules wired into a real training run (their tables are tested in lstm-tuning). */
class EarlyStoppingAndScheduleTest {

    @Test
    void theBestEpochsWeightsAreRestoredAtTheEndAsKerasUsersExpect() {
        ExperimentSpec spec = ExperimentRunTest.SMALL_SINE.withTraining(ExperimentRunTest.SMALL_SINE.training().withEpochs(30)
                .withEarlyStopping(EarlyStoppingSpec.defaults().withPatience(3).withRestoreBest(true))
                .withOptimizer(ExperimentRunTest.SMALL_SINE.training().optimizer().withLearningRate(0.05)));
        ExperimentResult result = Experiment.run(spec, TrainingListener.NONE);
        int best = result.training().bestEpoch();
        double bestValLoss = result.training().history().get(best - 1).valLoss();
        assertThat(result.training().history()).extracting(EpochResult::valLoss).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(bestValLoss));
        assertThat(scaledMse(result, result.data().validation())).isCloseTo(bestValLoss, within(1e-7));
        if (result.training().stopReason() == StopReason.EARLY_STOPPING) {
            assertThat(result.training().epochsRun()).isEqualTo(best + 3);
        } else {
            assertThat(result.training().epochsRun()).isEqualTo(30);
        }
    }

    @Test
    void earlyStoppingCanWatchAValidationMetricInTheDataUnits() {
        ExperimentSpec spec = ExperimentRunTest.SMALL_SINE.withTraining(ExperimentRunTest.SMALL_SINE.training().withEpochs(20)
                .withEarlyStopping(EarlyStoppingSpec.defaults().withPatience(4).withMonitor(EarlyStoppingSpec.Monitor.VAL_RMSE)));
        java.util.List<Double> seen = new java.util.ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochResult epoch, org.lstm4j.api.TrainingControl control) {
                seen.add(epoch.metrics().get("val_rmse"));
            }
        };
        ExperimentResult result = Experiment.run(spec, recorder);
        assertThat(seen).hasSize(result.training().epochsRun()).doesNotContainNull();
        double best = seen.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(seen.get(result.training().bestEpoch() - 1)).isEqualTo(best);
        assertThat(result.validation().model().rmse()).isCloseTo(best, within(1e-9));
    }

    @Test
    void aPlateauLowersTheLearningRateRecordedInTheHistory() {
        ExperimentSpec spec = ExperimentRunTest.SMALL_SINE.withTraining(ExperimentRunTest.SMALL_SINE.training().withEpochs(12)
                .withScheduler(SchedulerSpec.Plateau.defaults().withFactor(0.5).withPatience(0).withThreshold(10.0)
                        .withThresholdMode(SchedulerSpec.ThresholdMode.ABS)));
        ExperimentResult result = Experiment.run(spec, TrainingListener.NONE);
        // an absolute threshold of 10 makes every epoch after the first a bad one: with patience 0 the rate halves each epoch
        assertThat(result.training().history()).extracting(EpochResult::learningRate)
                .startsWith(0.01, 0.01, 0.005, 0.0025, 0.00125);
    }

    @Test
    void aCosineScheduleFollowsTheClosedForm() {
        ExperimentSpec spec = ExperimentRunTest.SMALL_SINE.withTraining(ExperimentRunTest.SMALL_SINE.training().withEpochs(5)
                .withScheduler(new SchedulerSpec.Cosine(4, 0.0, 0)));
        ExperimentResult result = Experiment.run(spec, TrainingListener.NONE);
        assertThat(result.training().history()).extracting(EpochResult::learningRate)
                .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b))
                .containsExactly(0.01, 0.01 * (1 + Math.cos(Math.PI / 4)) / 2, 0.005, 0.01 * (1 + Math.cos(3 * Math.PI / 4)) / 2, 0.0);
    }

    @Test
    void monitoringValidationLossWithoutAValidationPartIsAConfigError() {
        ExperimentSpec spec = ExperimentRunTest.SMALL_SINE
                .withData(ExperimentRunTest.SMALL_SINE.data().withSplit(new SplitSpec(0.8, 0.0, 0.2)))
                .withTraining(ExperimentRunTest.SMALL_SINE.training().withEarlyStopping(EarlyStoppingSpec.defaults().withPatience(3)));
        assertThatThrownBy(() -> Experiment.run(spec, TrainingListener.NONE)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("training.early_stopping.monitor: monitor val_loss needs a validation part");
    }

    private static double scaledMse(ExperimentResult result, WindowedData windows) {
        double[][] predicted = result.model().predict(windows);
        float[] target = new float[windows.horizon()];
        double sum = 0;
        for (int i = 0; i < windows.size(); i++) {
            windows.copyTargets(i, target, 0);
            double error = predicted[i][0] - target[0];
            sum += error * error;
        }
        return sum / windows.size();
    }
}
