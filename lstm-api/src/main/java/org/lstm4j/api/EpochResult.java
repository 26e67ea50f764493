package org.lstm4j.api;

/**
 * One finished epoch.
 *
 * @param epoch        1-based epoch number
 * @param trainLoss    mean training loss of the epoch's batches
 * @param valLoss      validation loss after the epoch, NaN without a validation part
 * @param learningRate learning rate used in the epoch
 * @param seconds      wall time of the epoch
 */
public record EpochResult(int epoch, double trainLoss, double valLoss, double learningRate, double seconds) {

    /** Whether a validation loss was computed. */
    public boolean hasValidation() {
        return !Double.isNaN(valLoss);
    }
}
