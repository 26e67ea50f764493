package org.lstm4j.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The network.
 *
 * @param architecture        lstm, bilstm or attention
 * @param hiddenSize          units per LSTM layer
 * @param numLayers           stacked LSTM layers
 * @param dropout             probability of dropping, between stacked layers (PyTorch semantics)
 * @param recurrentDropout    probability of dropping each unit of the recurrent state {@code h_{t-1}} where it
 *                            enters an LSTM's recurrent product, with one mask per sequence, layer and direction
 *                            held for all time steps, in training only (Keras' {@code recurrent_dropout}, Gal and
 *                            Ghahramani's variational dropout)
 * @param batchNorm           BatchNorm on the last-step features, before the head
 * @param bidirectionalMerge  bilstm only: how the two directions are merged
 * @param attentionSize       attention only: width of the scoring layer
 */
public record ModelSpec(
        @NotNull Architecture architecture,
        @Min(1) @Max(4096) int hiddenSize,
        @Min(1) @Max(16) int numLayers,
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) double dropout,
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) double recurrentDropout,
        boolean batchNorm,
        @NotNull BidirectionalMerge bidirectionalMerge,
        @Min(1) @Max(4096) int attentionSize) {

    public ModelSpec {
        SpecChecks.require(ModelSpec.class, architecture, hiddenSize, numLayers, dropout, recurrentDropout, batchNorm, bidirectionalMerge, attentionSize);
    }

    /** LSTM(50) x 2, no dropout of either kind. */
    public static ModelSpec defaults() {
        return new ModelSpec(Architecture.LSTM, 50, 2, 0.0, 0.0, false, BidirectionalMerge.CONCAT, 64);
    }

    public ModelSpec withArchitecture(Architecture value) {
        return new ModelSpec(value, hiddenSize, numLayers, dropout, recurrentDropout, batchNorm, bidirectionalMerge, attentionSize);
    }

    public ModelSpec withHiddenSize(int value) {
        return new ModelSpec(architecture, value, numLayers, dropout, recurrentDropout, batchNorm, bidirectionalMerge, attentionSize);
    }

    public ModelSpec withNumLayers(int value) {
        return new ModelSpec(architecture, hiddenSize, value, dropout, recurrentDropout, batchNorm, bidirectionalMerge, attentionSize);
    }

    public ModelSpec withDropout(double value) {
        return new ModelSpec(architecture, hiddenSize, numLayers, value, recurrentDropout, batchNorm, bidirectionalMerge, attentionSize);
    }

    /** This spec with {@code recurrentDropout}, the probability of dropping a unit of {@code h_{t-1}}. */
    public ModelSpec withRecurrentDropout(double value) {
        return new ModelSpec(architecture, hiddenSize, numLayers, dropout, value, batchNorm, bidirectionalMerge, attentionSize);
    }

    public ModelSpec withBatchNorm(boolean value) {
        return new ModelSpec(architecture, hiddenSize, numLayers, dropout, recurrentDropout, value, bidirectionalMerge, attentionSize);
    }

    public ModelSpec withBidirectionalMerge(BidirectionalMerge value) {
        return new ModelSpec(architecture, hiddenSize, numLayers, dropout, recurrentDropout, batchNorm, value, attentionSize);
    }

    public ModelSpec withAttentionSize(int value) {
        return new ModelSpec(architecture, hiddenSize, numLayers, dropout, recurrentDropout, batchNorm, bidirectionalMerge, value);
    }

    /** Network shapes. */
    public enum Architecture { LSTM, BILSTM, ATTENTION }

    /** How a bidirectional layer merges its directions. */
    public enum BidirectionalMerge { CONCAT, SUM, AVERAGE }
}
