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
}
