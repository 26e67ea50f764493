package org.lstm4j.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstm4j.api.EarlyStoppingSpec;
import org.lstm4j.api.EarlyStoppingSpec.Monitor;
import org.lstm4j.api.StopReason;

class EarlyStoppingTest {
    private static final double NAN = Double.NaN;

    private static EarlyStoppingSpec spec(int patience, double minDelta, int startFromEpoch) {
        return new EarlyStoppingSpec(patience, minDelta, true, Monitor.VAL_LOSS, startFromEpoch);
    }

    private static double[] losses(double... values) {
        return values;
    }

    /** Derived by hand from Keras' EarlyStopping.on_epoch_end (1-based epochs; 0 = never). */
    static Stream<Arguments> table() {
        return Stream.of(
                // name, patience, min_delta, start_from_epoch, val losses, stopped epoch, best epoch, epochs run
                arguments("patience 2: stop after the 2nd epoch without improvement", 2, 0.0, 0,
                        losses(1, 0.9, 0.95, 0.95, 0.5, 0.4), 4, 2, 4),
                arguments("patience 1: stop after the 1st epoch without improvement", 1, 0.0, 0,
                        losses(1, 1, 0.5), 2, 1, 2),
                arguments("an equal value is no improvement", 2, 0.0, 0,
                        losses(1, 1, 1, 0.5), 3, 1, 3),
                arguments("an improvement resets the wait", 2, 0.0, 0,
                        losses(1, 2, 0.9, 2, 0.8, 2, 2, 0.1), 7, 5, 7),
                arguments("min_delta: smaller gains do not count", 2, 0.1, 0,
                        losses(1, 0.95, 0.92, 0.5), 3, 1, 3),
                arguments("min_delta: larger gains count", 2, 0.1, 0,
                        losses(1, 0.85, 0.7, 0.65, 0.64, 0.1), 5, 3, 5),
                arguments("min_delta is measured from the best, not the previous epoch", 3, 0.1, 0,
                        losses(1, 0.95, 0.89), 0, 3, 3),
                arguments("start_from_epoch 2: epochs 1 and 2 are not watched", 1, 0.0, 2,
                        losses(5, 6, 7, 7, 8), 4, 3, 4),
                arguments("without start_from_epoch the same losses stop at once", 1, 0.0, 0,
                        losses(5, 6, 7, 7, 8), 2, 1, 2),
                arguments("steady improvement never stops", 1, 0.0, 0,
                        losses(3, 2, 1), 0, 3, 3),
                arguments("NaN is never an improvement", 2, 0.0, 0,
                        losses(1, NAN, NAN, 0.5), 3, 1, 3),
                arguments("no stop after epoch 1 (Keras' epoch > 0)", 1, 0.0, 0,
                        losses(NAN, NAN, 1), 2, 1, 2),
                arguments("patience 0 is off", 0, 0.0, 0,
                        losses(1, 2, 3, 4), 0, 0, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void stopsLikeKeras(String name, int patience, double minDelta, int start, double[] val,
                        int stoppedEpoch, int bestEpoch, int epochsRun) {
        EarlyStopping listener = new EarlyStopping(spec(patience, minDelta, start));

        FakeTraining run = FakeTraining.val(listener, 0.01, val);

        assertThat(listener.stoppedEpoch()).as("stopped epoch").isEqualTo(stoppedEpoch);
        assertThat(listener.bestEpoch()).as("best epoch").isEqualTo(bestEpoch);
        assertThat(run.epochsRun()).as("epochs run").isEqualTo(epochsRun);
        assertThat(run.stopReason).isEqualTo(stoppedEpoch > 0 ? StopReason.EARLY_STOPPING : StopReason.COMPLETED);
    }

    @Test
    void restoreBestMarksEachImprovementAndRestoresOnceAtTheEnd() {
        EarlyStopping listener = new EarlyStopping(spec(2, 0, 0));

        FakeTraining run = FakeTraining.val(listener, 0.01, 1, 0.9, 0.95, 0.95, 0.5);

        assertThat(run.control.markedEpochs()).containsExactly(1, 2);
        assertThat(run.control.restores()).hasSize(1);
        assertThat(run.control.restores()).last().isEqualTo(2);
    }

    @Test
    void restoreBestAlsoWhenTrainingRanToTheEnd() {
        EarlyStopping listener = new EarlyStopping(spec(2, 0, 0));

        FakeTraining run = FakeTraining.val(listener, 0.01, 1, 0.8, 0.9, 0.7, 0.75);

        assertThat(run.stopReason).isEqualTo(StopReason.COMPLETED);
        assertThat(run.control.markedEpochs()).containsExactly(1, 2, 4);
        assertThat(run.control.restores()).hasSize(1);
        assertThat(run.control.restores()).last().isEqualTo(4);
    }

    @Test
    void withoutRestoreBestNoWeightsAreCopiedOrRestored() {
        EarlyStopping listener = new EarlyStopping(EarlyStoppingSpec.defaults().withPatience(2).withRestoreBest(false));

        FakeTraining run = FakeTraining.val(listener, 0.01, 1, 0.9, 0.95, 0.95);

        assertThat(listener.stoppedEpoch()).isEqualTo(4);
        assertThat(run.control.markedEpochs()).isEmpty();
        assertThat(run.control.restores()).isEmpty();
    }

    @Test
    void nothingToRestoreWhenNoEpochWasWatched() {
        EarlyStopping listener = new EarlyStopping(spec(1, 0, 5));

        FakeTraining run = FakeTraining.val(listener, 0.01, 1, 2, 3);

        assertThat(run.control.markedEpochs()).isEmpty();
        assertThat(run.control.restores()).isEmpty();
    }

    @Test
    void aReusedListenerStartsAfresh() {
        EarlyStopping listener = new EarlyStopping(spec(2, 0, 0));
        FakeTraining.val(listener, 0.01, 1, 0.9, 0.95, 0.95);

        FakeTraining second = FakeTraining.val(listener, 0.01, 5, 4, 3);

        assertThat(listener.stoppedEpoch()).isZero();
        assertThat(listener.bestEpoch()).isEqualTo(3);
        assertThat(second.control.markedEpochs()).containsExactly(1, 2, 3);
        assertThat(second.control.restores()).hasSize(1);
    }

    @Test
    void trainLossMonitorWatchesTheTrainLoss() {
        EarlyStopping listener = new EarlyStopping(EarlyStoppingSpec.defaults().withPatience(1).withMonitor(Monitor.TRAIN_LOSS));

        // validation keeps improving, training does not
        FakeTraining run = FakeTraining.run(listener, 0.01, new double[] {1, 1, 0.5}, new double[] {3, 2, 1});

        assertThat(listener.stoppedEpoch()).isEqualTo(2);
        assertThat(run.epochsRun()).isEqualTo(2);
    }

    @Test
    void valLossMonitorWithoutValidationIsAConfigurationProblem() {
        assertThat(EarlyStopping.problem(spec(3, 0, 0), false))
                .contains("monitor val_loss needs a validation part (data.split.validation > 0)");
        assertThat(EarlyStopping.problem(spec(3, 0, 0), true)).isEmpty();
        assertThat(EarlyStopping.problem(EarlyStoppingSpec.defaults().withPatience(3).withMonitor(Monitor.TRAIN_LOSS), false)).isEmpty();
        assertThat(EarlyStopping.problem(EarlyStoppingSpec.defaults(), false)).as("off").isEmpty();
    }
}
