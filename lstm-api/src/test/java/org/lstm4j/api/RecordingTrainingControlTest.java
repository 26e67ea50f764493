package org.lstm4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class RecordingTrainingControlTest {

    /** Snapshots each improvement, halves the rate on a worse epoch, stops after two worse epochs, restores at the end. */
    private static final class HalvingListener implements TrainingListener {
        private double best = Double.POSITIVE_INFINITY;
        private int worse;

        @Override
        public void onEpochEnd(EpochResult epoch, TrainingControl control) {
            if (epoch.valLoss() < best) {
                best = epoch.valLoss();
                worse = 0;
                control.markBest();
                return;
            }
            control.setLearningRate(control.learningRate() / 2);
            if (++worse == 2) {
                control.requestStop(StopReason.EARLY_STOPPING);
                control.restoreBest();
            }
        }
    }

    @Test
    void recordsWhatAListenerAskedForEpochByEpoch() {
        RecordingTrainingControl control = new RecordingTrainingControl(0.01);
        TrainingListener listener = new HalvingListener();
        double[] valLosses = {1.0, 0.8, 0.9, 0.95, 0.5};

        listener.onStart(control);
        for (int e = 1; e <= valLosses.length && !control.stopRequested(); e++) {
            listener.onEpochEnd(EpochResult.builder().epoch(e).trainLoss(1.0).valLoss(valLosses[e - 1])
                    .learningRate(control.learningRate()).build(), control.atEpoch(e));
        }

        assertThat(control.epoch()).isEqualTo(4);
        assertThat(control.stopReason()).contains(StopReason.EARLY_STOPPING);
        assertThat(control.markedEpochs()).containsExactly(1, 2);
        assertThat(control.learningRateChanges()).containsExactly(0.005, 0.0025);
        assertThat(control.learningRate()).isEqualTo(0.0025);
        assertThat(control.restores()).containsExactly(2);
    }

    @Test
    void theFirstStopRequestWinsAndNullMeansRequested() {
        RecordingTrainingControl control = new RecordingTrainingControl(0.1);
        assertThat(control.stopRequested()).isFalse();
        assertThat(control.stopReason()).isEmpty();

        control.requestStop(null);
        control.requestStop(StopReason.DIVERGED);

        assertThat(control.stopReason()).contains(StopReason.REQUESTED);
        assertThat(control.stopRequests()).containsExactly(StopReason.REQUESTED, StopReason.DIVERGED);
    }

    @Test
    void aRestoreWithoutSnapshotRestoresNothing() {
        RecordingTrainingControl control = new RecordingTrainingControl(0.1);

        control.restoreBest();

        assertThat(control.restores()).containsExactly(0);
    }

    @Test
    void refusesALearningRateARealTrainerWouldRefuse() {
        RecordingTrainingControl control = new RecordingTrainingControl(0.1);

        assertThatThrownBy(() -> control.setLearningRate(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> control.setLearningRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(control.learningRateChanges()).isEmpty();
        assertThat(control.learningRate()).isEqualTo(0.1);
    }

    @Test
    void currentModelIsTheGivenModelOrAClearError() {
        TrainedModel model = new TrainedModel() {
            @Override
            public double[][] predict(WindowedData data) {
                return new double[0][];
            }

            @Override
            public void writeParameters(OutputStream out) {}

            @Override
            public long parameterCount() {
                return 0;
            }
        };

        assertThat(new RecordingTrainingControl(0.1, model).currentModel()).isSameAs(model);
        assertThatThrownBy(() -> new RecordingTrainingControl(0.1).currentModel())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no model");
    }

    @Test
    void recordingsCannotBeChangedFromOutside() {
        RecordingTrainingControl control = new RecordingTrainingControl(0.1);
        control.markBest();

        assertThatThrownBy(() -> control.markedEpochs().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
