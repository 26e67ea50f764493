package org.lstm4j.api;

import java.util.Map;

/**
 * One finished epoch.
 *
 * @param epoch        1-based epoch number
 * @param trainLoss    mean training loss of the epoch's batches
 * @param valLoss      validation loss after the epoch, NaN without a validation part
 * @param learningRate learning rate used in the epoch
 * @param seconds      wall time of the epoch
 * @param metrics      further figures of the epoch by name, such as {@code val_rmse} in the data's units
 *                     (added by the engine when a monitor needs them); empty otherwise
 */
public record EpochResult(int epoch, double trainLoss, double valLoss, double learningRate, double seconds,
                          Map<String, Double> metrics) {
    public EpochResult {
        metrics = Map.copyOf(metrics);
    }

    /** An epoch with its losses only, as a backend reports it. */
    public EpochResult(int epoch, double trainLoss, double valLoss, double learningRate, double seconds) {
        this(epoch, trainLoss, valLoss, learningRate, seconds, Map.of());
    }

    /** This epoch with {@code more} figures added. */
    public EpochResult withMetrics(Map<String, Double> more) {
        Map<String, Double> all = new java.util.HashMap<>(metrics);
        all.putAll(more);
        return new EpochResult(epoch, trainLoss, valLoss, learningRate, seconds, all);
    }

    /** Whether a validation loss was computed. */
    public boolean hasValidation() {
        return !Double.isNaN(valLoss);
    }
}
