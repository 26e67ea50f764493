package org.lstm4j.api;

import java.util.List;

/**
 * A finished training.
 *
 * @param history      one entry per epoch run
 * @param bestEpoch    epoch with the lowest validation loss (train loss without validation)
 * @param stopReason   why it ended
 * @param trainSeconds wall time of the training loop
 * @param backend      what ran it
 * @param seed         the seed used
 */
public record TrainingResult(List<EpochResult> history, int bestEpoch, StopReason stopReason,
                             double trainSeconds, BackendInfo backend, long seed) {
    public TrainingResult {
        history = List.copyOf(history);
    }

    /** Number of epochs run. */
    public int epochsRun() {
        return history.size();
    }

    /** This result with {@code value} as the best epoch (0 = none). */
    public TrainingResult withBestEpoch(int value) {
        return new TrainingResult(history, value, stopReason, trainSeconds, backend, seed);
    }

    /**
     * Builds a result by naming its parts, for tests and listeners:
     * {@code TrainingResult.builder().history(epochs).bestEpoch(2).stopReason(StopReason.EARLY_STOPPING).build()}.
     * Unset parts default to: no epochs, best epoch 0 (none), {@link StopReason#COMPLETED}, 0 seconds, the backend
     * {@link Builder#UNKNOWN_BACKEND} and seed 0.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Names the parts of a {@link TrainingResult}; see {@link TrainingResult#builder()}. */
    public static final class Builder {
        /** The backend of a result built without one. */
        public static final BackendInfo UNKNOWN_BACKEND = new BackendInfo("unknown", "unknown", 1);

        private List<EpochResult> history = List.of();
        private int bestEpoch;
        private StopReason stopReason = StopReason.COMPLETED;
        private double trainSeconds;
        private BackendInfo backend = UNKNOWN_BACKEND;
        private long seed;

        private Builder() {}

        /** One entry per epoch run. */
        public Builder history(List<EpochResult> value) {
            history = value;
            return this;
        }

        /** The epoch with the lowest monitored loss; 0 for none. */
        public Builder bestEpoch(int value) {
            bestEpoch = value;
            return this;
        }

        /** Why training ended. */
        public Builder stopReason(StopReason value) {
            stopReason = value;
            return this;
        }

        /** Wall time of the training loop. */
        public Builder trainSeconds(double value) {
            trainSeconds = value;
            return this;
        }

        /** What ran it. */
        public Builder backend(BackendInfo value) {
            backend = value;
            return this;
        }

        /** The seed used. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** The result. */
        public TrainingResult build() {
            return new TrainingResult(history, bestEpoch, stopReason, trainSeconds, backend, seed);
        }
    }
}
