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

    /**
     * Builds an epoch by naming its figures, for tests and for listeners that replay a history:
     * {@code EpochResult.builder().epoch(3).trainLoss(0.2).valLoss(0.25).learningRate(1e-3).build()}.
     * Epoch and train loss must be given; without a validation loss the epoch has no validation
     * ({@code NaN}), without a learning rate it is {@code NaN} (unknown); seconds default to 0, metrics to none.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Names the figures of an {@link EpochResult}; see {@link EpochResult#builder()}. */
    public static final class Builder {
        private Integer epoch;
        private Double trainLoss;
        private double valLoss = Double.NaN;
        private double learningRate = Double.NaN;
        private double seconds;
        private Map<String, Double> metrics = Map.of();

        private Builder() {}

        /** The 1-based epoch number; required. */
        public Builder epoch(int value) {
            epoch = value;
            return this;
        }

        /** The mean training loss; required. */
        public Builder trainLoss(double value) {
            trainLoss = value;
            return this;
        }

        /** The validation loss; {@code NaN} (the default) means the epoch had no validation. */
        public Builder valLoss(double value) {
            valLoss = value;
            return this;
        }

        /** The learning rate used in the epoch. */
        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        /** The wall time of the epoch. */
        public Builder seconds(double value) {
            seconds = value;
            return this;
        }

        /** Further figures by name, such as {@code val_rmse}. */
        public Builder metrics(Map<String, Double> value) {
            metrics = value;
            return this;
        }

        /**
         * The epoch.
         *
         * @throws IllegalStateException when the epoch number or the train loss was not given
         */
        public EpochResult build() {
            if (epoch == null || trainLoss == null) {
                throw new IllegalStateException("an EpochResult needs " + (epoch == null ? "epoch" : "train_loss")
                        + "; set it on the builder");
            }
            return new EpochResult(epoch, trainLoss, valLoss, learningRate, seconds, metrics);
        }
    }
}
