package org.lstm4j.api;

import java.util.List;
import java.util.Objects;

/**
 * What a trainer needs to continue a training after one of its epochs as if it had never stopped: the part every
 * backend shares (epochs run, history, learning rate, time spent) and the backend's own bytes (parameters, optimizer
 * state, weight snapshots), opaque to everything but the backend that wrote them. A {@link TrainingCheckpoints}
 * stores it; listeners' states are stored beside it by whoever built the listeners.
 *
 * @param epochsCompleted epochs finished, {@code >= 1}; training continues with the next
 * @param history         the trainer's record of those epochs, in order
 * @param learningRate    the rate the next epoch uses
 * @param trainSeconds    wall time of the training loop so far
 * @param backendState    the backend's state, in its own format (the array is not copied)
 */
public record TrainingState(int epochsCompleted, List<EpochResult> history, double learningRate, double trainSeconds,
                            byte[] backendState) {
    public TrainingState {
        history = List.copyOf(history);
        Objects.requireNonNull(backendState, "backendState");
        if (epochsCompleted < 1 || epochsCompleted != history.size()) {
            throw new IllegalArgumentException("epochs_completed " + epochsCompleted + " with a history of "
                    + history.size() + " epochs");
        }
    }
}
