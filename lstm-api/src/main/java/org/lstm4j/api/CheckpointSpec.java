package org.lstm4j.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Checkpoints of a training run ({@code training.checkpoint}): every {@code every_epochs} epochs the trainer's whole
 * state (parameters, optimizer moments and step count, learning-rate schedule, early stopping, the history so far) is
 * written to the run's working directory, so that a killed run continues from there ({@code lstm train --resume})
 * and ends as if it had never stopped. Checkpoints are written only when the run has a working directory: always
 * for {@code lstm train} and {@code lstm tune}, for a Java caller when it passes one.
 *
 * @param everyEpochs epochs between checkpoints; 0 switches them off
 */
public record CheckpointSpec(@Min(0) @Max(1_000_000) int everyEpochs) {
    /**
     * The default of {@code every_epochs}: a checkpoint every 10 epochs. One checkpoint of the sine example's
     * LSTM(50) x 2 (30,651 parameters, 0.5 MB with Adam's moments) takes 7-11 ms against 75-95 ms per epoch
     * ({@code docs/reliability.md}): about 1% of the training time, and a kill costs at most 10 epochs again.
     */
    public static final int DEFAULT_EVERY_EPOCHS = 10;

    public CheckpointSpec {
        SpecChecks.require(CheckpointSpec.class, everyEpochs);
    }

    /** A checkpoint every {@value #DEFAULT_EVERY_EPOCHS} epochs. */
    public static CheckpointSpec defaults() {
        return new CheckpointSpec(DEFAULT_EVERY_EPOCHS);
    }

    /** A checkpoint every {@code value} epochs; 0 switches checkpoints off. */
    public CheckpointSpec withEveryEpochs(int value) {
        return new CheckpointSpec(value);
    }

    /** Whether checkpoints are written at all. */
    public boolean enabled() {
        return everyEpochs > 0;
    }

    /** Whether a checkpoint is due after the 1-based {@code epoch}. */
    public boolean dueAfter(int epoch) {
        return enabled() && epoch % everyEpochs == 0;
    }
}
