package org.lstm4j.dl4j.internal;

import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.lstm4j.api.TrainingSpec;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The layer configurations every architecture is made of, with the training settings that live on layers.
 *
 * <ul>
 *   <li>LSTM: tanh cell activation (DL4J defaults to sigmoid), sigmoid gates, DL4J's forget-gate bias 1.0; run by
 *       {@link FastLstm}, which also does {@code recurrent_dropout} (DL4J's LSTM has none).</li>
 *   <li>{@code l2} (coupled) and {@code weight_decay} (decoupled, {@code w -= lr * c * w} after the optimizer's
 *       step) are set per layer, on weight matrices only: a global {@code weightDecay} on the configuration builder
 *       is applied twice in DL4J M2.1. Biases and BatchNorm's gamma/beta are not regularised.</li>
 *   <li>Every layer gets its own updater instance.</li>
 *   <li>Dropout between stacked layers is a {@code DropoutLayer} keeping each input with probability
 *       {@code 1 - dropout} (DL4J's dropout takes the retain probability; inverted dropout, scaled by
 *       {@code 1 / (1 - dropout)} in training, identity in inference, as PyTorch).</li>
 * </ul>
 */
final class Layers {
    private final TrainingSpec training;

    Layers(TrainingSpec training) {
        this.training = training;
    }

    IUpdater updater() {
        return Optimizers.updater(training.optimizer(), training.precision());
    }

    /** An LSTM layer of {@code hiddenSize} units dropping units of its recurrent state with {@code recurrentDropout}. */
    LSTM lstm(int hiddenSize, double recurrentDropout) {
        LSTM.Builder lstm = new LSTM.Builder()
                .nOut(hiddenSize)
                .activation(Activation.TANH)
                .gateActivationFunction(Activation.SIGMOID)
                .updater(updater());
        return FastLstm.of(regularise(lstm).build(), recurrentDropout);
    }

    /** Drops each input element with probability {@code dropout} in training. */
    DropoutLayer dropout(double dropout) {
        return new DropoutLayer(new Dropout(1.0 - dropout));
    }

    /** PyTorch's {@code BatchNorm1d} defaults: momentum 0.1 (DL4J decay 0.9), eps 1e-5 (1e-3 in float16). */
    BatchNormalization batchNorm() {
        return new BatchNormalization.Builder()
                .decay(0.9)
                .eps(Precisions.batchNormEpsilon(training.precision()))
                .updater(updater())
                .build();
    }

    /** The linear head: {@code horizon} outputs, identity activation, the training loss. */
    OutputLayer head(int horizon) {
        OutputLayer.Builder head = new OutputLayer.Builder()
                .lossFunction(Losses.of(training.loss()))
                .activation(Activation.IDENTITY)
                .nOut(horizon)
                .updater(updater());
        return regularise(head).build();
    }

    /** Attention pooling with a scoring layer of {@code attentionSize} units over {@code timeSteps} steps. */
    AttentionPooling attention(int attentionSize, int timeSteps) {
        AttentionPooling.Builder attention = new AttentionPooling.Builder()
                .attentionSize(attentionSize)
                .timeSteps(timeSteps)
                .updater(updater());
        if (training.l2() > 0) {
            attention.l2(training.l2());
        }
        if (training.weightDecay() > 0) {
            attention.weightDecay(training.weightDecay(), true);
        }
        return attention.build();
    }

    private <B extends BaseLayer.Builder<?>> B regularise(B layer) {
        if (training.l2() > 0) {
            layer.l2(training.l2());
        }
        if (training.weightDecay() > 0) {
            // applyLR = true: w -= lr * c * w, as torch.optim.AdamW.
            layer.weightDecay(training.weightDecay(), true);
        }
        return layer;
    }
}
