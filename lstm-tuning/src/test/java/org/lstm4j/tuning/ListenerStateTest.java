package org.lstm4j.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.EarlyStoppingSpec;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.RecordingTrainingControl;
import org.lstm4j.api.SchedulerSpec;
import org.lstm4j.api.TrainingListener;

/**
 * A listener given the state another one had after epoch k, then resumed, decides on epochs k+1.. exactly as the
 * listener that saw every epoch: what a checkpoint relies on.
 */
class ListenerStateTest {
    private static final double[] VAL = {1.0, 0.8, 0.81, 0.79, 0.85, 0.9, 0.7, 0.95, 0.96, 0.97};

    @Test
    void earlyStoppingResumedAfterEveryEpochStopsAndRestoresAsTheUninterruptedOne() {
        EarlyStoppingSpec spec = EarlyStoppingSpec.defaults().withPatience(3).withMinDelta(0.005).withStartFromEpoch(1);
        Decisions straight = drive(new EarlyStopping(spec), VAL.length, null, 0);
        assertThat(straight.control.stopRequested()).as("the series makes it stop").isTrue();
        for (int k = 1; k < straight.epochs; k++) {
            EarlyStopping before = new EarlyStopping(spec);
            drive(before, k, null, 0);
            EarlyStopping after = new EarlyStopping(spec);
            after.restore(before.state());
            Decisions resumed = drive(after, VAL.length, null, k);
            assertThat(resumed.describe()).as("resumed after epoch %d", k).isEqualTo(straight.describe());
            assertThat(after.bestEpoch()).isEqualTo(((EarlyStopping) straight.listener).bestEpoch());
        }
    }

    @Test
    void aPlateauScheduleResumedAfterEveryEpochLowersTheRateAsTheUninterruptedOne() {
        SchedulerSpec.Plateau spec = SchedulerSpec.Plateau.defaults().withPatience(1).withFactor(0.5).withCooldown(1)
                .withWarmupEpochs(2);
        Supplier<ReduceLrOnPlateau> fresh = () -> new ReduceLrOnPlateau(spec, 0.1, EarlyStoppingSpec.Monitor.VAL_LOSS);
        Decisions straight = drive(fresh.get(), VAL.length, null, 0);
        assertThat(straight.control.learningRateChanges()).as("warm-up and drops").hasSizeGreaterThan(3);
        for (int k = 1; k < VAL.length; k++) {
            ReduceLrOnPlateau before = fresh.get();
            Decisions first = drive(before, k, null, 0);
            ReduceLrOnPlateau after = fresh.get();
            after.restore(before.state());
            Decisions resumed = drive(after, VAL.length, first.control.learningRate(), k);
            assertThat(resumed.rates).as("rates after a resume after epoch %d", k)
                    .isEqualTo(straight.rates.subList(k, straight.rates.size()));
        }
    }

    /**
     * Epochs {@code from + 1 .. to} of {@link #VAL}, after {@code onStart} ({@code from} 0) or {@code onResume} at the
     * rate {@code rate}; stops when asked.
     */
    private static Decisions drive(TrainingListener listener, int to, Double rate, int from) {
        RecordingTrainingControl control = new RecordingTrainingControl(rate == null ? 0.1 : rate);
        if (from == 0) {
            listener.onStart(control);
        } else {
            listener.onResume(control, from);
        }
        List<Double> rates = new ArrayList<>();
        int epoch = from;
        while (epoch < to && !control.stopRequested()) {
            epoch++;
            rates.add(control.learningRate());
            listener.onEpochEnd(EpochResult.builder().epoch(epoch).trainLoss(1).valLoss(VAL[epoch - 1])
                    .learningRate(control.learningRate()).build(), control.atEpoch(epoch));
        }
        listener.onEnd(null);
        return new Decisions(listener, control, epoch, rates);
    }

    private record Decisions(TrainingListener listener, RecordingTrainingControl control, int epochs, List<Double> rates) {
        /** What a trainer would act on: the stop, the epoch it came after, the restore. */
        String describe() {
            return control.stopReason() + " after " + epochs + ", restores " + control.restores().size();
        }
    }
}
