package org.lstm4j.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Early stopping; {@code patience: 0} switches it off.
 *
 * @param patience       epochs without improvement before stopping
 * @param minDelta       absolute improvement that counts
 * @param restoreBest    restore the best epoch's weights at the end
 * @param monitor        the value watched
 * @param startFromEpoch epochs before monitoring starts
 */
public record EarlyStoppingSpec(@Min(0) int patience, @DecimalMin("0") double minDelta, boolean restoreBest,
                                @NotNull Monitor monitor, @Min(0) int startFromEpoch) {
    public EarlyStoppingSpec {
        SpecChecks.require(EarlyStoppingSpec.class, patience, minDelta, restoreBest, monitor, startFromEpoch);
    }

    /** Off. */
    public static EarlyStoppingSpec defaults() {
        return new EarlyStoppingSpec(0, 0.0, true, Monitor.VAL_LOSS, 0);
    }

    /** These settings with {@code patience} epochs of patience (0 switches early stopping off). */
    public EarlyStoppingSpec withPatience(int value) {
        return new EarlyStoppingSpec(value, minDelta, restoreBest, monitor, startFromEpoch);
    }

    public EarlyStoppingSpec withMinDelta(double value) {
        return new EarlyStoppingSpec(patience, value, restoreBest, monitor, startFromEpoch);
    }

    public EarlyStoppingSpec withRestoreBest(boolean value) {
        return new EarlyStoppingSpec(patience, minDelta, value, monitor, startFromEpoch);
    }

    public EarlyStoppingSpec withMonitor(Monitor value) {
        return new EarlyStoppingSpec(patience, minDelta, restoreBest, value, startFromEpoch);
    }

    public EarlyStoppingSpec withStartFromEpoch(int value) {
        return new EarlyStoppingSpec(patience, minDelta, restoreBest, monitor, value);
    }

    /** Whether early stopping is on. */
    public boolean enabled() {
        return patience > 0;
    }

    /**
     * What early stopping and plateau schedules watch: a loss (scaled units, the training loss function) or a
     * validation metric in the data's units.
     */
    public enum Monitor {
        VAL_LOSS, TRAIN_LOSS, VAL_RMSE, VAL_MAE, VAL_MAPE, VAL_SMAPE;

        /** Whether the value comes from the validation part. */
        public boolean needsValidation() {
            return this != TRAIN_LOSS;
        }

        /** Whether the value is a metric computed by the engine after each epoch (not a loss from the backend). */
        public boolean isMetric() {
            return this != TRAIN_LOSS && this != VAL_LOSS;
        }
    }
}
