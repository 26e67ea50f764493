package org.lstm4j.tuning;

/**
 * A learning rate as a pure function of the epoch.
 *
 * <p>Epochs are 1-based, as in {@link org.lstm4j.api.EpochResult#epoch()}. Epoch {@code e} corresponds to
 * PyTorch's {@code last_epoch = e - 1}: PyTorch calls {@code scheduler.step()} after each epoch, so its
 * first epoch runs at {@code last_epoch = 0}, which is the base rate. Every schedule here therefore gives
 * the base rate in epoch 1 (warm-up aside).
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * The learning rate of an epoch.
     *
     * @param epoch 1-based epoch number, {@code >= 1}
     * @return the rate the optimizer uses throughout that epoch
     */
    double learningRate(int epoch);

    /**
     * This schedule preceded by a linear warm-up of {@code warmupEpochs} epochs; see {@link LinearWarmUp}.
     *
     * @param baseLearningRate the rate the warm-up climbs to
     * @param warmupEpochs     warm-up epochs; 0 returns this schedule unchanged
     */
    default LearningRateSchedule afterWarmUp(double baseLearningRate, int warmupEpochs) {
        return warmupEpochs == 0 ? this : new LinearWarmUp(baseLearningRate, warmupEpochs, this);
    }

    /** Rejects an epoch below 1, naming it. */
    static void checkEpoch(int epoch) {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch must be >= 1 (epochs are 1-based), was " + epoch);
        }
    }
}
