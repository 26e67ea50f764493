package org.lstm4j.tuning;

import java.util.Objects;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.TrainingControl;
import org.lstm4j.api.TrainingListener;

/**
 * Applies a {@link LearningRateSchedule} at the start of every epoch: {@link #onStart} sets epoch 1's
 * rate, {@link #onEpochEnd} after epoch {@code e} sets epoch {@code e + 1}'s. The optimizer's state (Adam's
 * moments) is kept across changes by {@link TrainingControl#setLearningRate}.
 *
 * @param schedule the rates, by 1-based epoch
 */
public record ScheduleListener(LearningRateSchedule schedule) implements TrainingListener {

    /** Rejects a null schedule. */
    public ScheduleListener {
        Objects.requireNonNull(schedule, "schedule");
    }

    /** Sets epoch 1's rate. */
    @Override
    public void onStart(TrainingControl control) {
        control.setLearningRate(schedule.learningRate(1));
    }

    /** Leaves the rate alone: a resumed trainer restores the rate its checkpoint was taken with. */
    @Override
    public void onResume(TrainingControl control, int epochsCompleted) {
    }

    /** Sets the next epoch's rate. */
    @Override
    public void onEpochEnd(EpochResult epoch, TrainingControl control) {
        control.setLearningRate(schedule.learningRate(epoch.epoch() + 1));
    }
}
