package org.lstm4j.dl4j.internal;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainingSpec;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the network: {@code numLayers} LSTM layers (tanh; DL4J defaults to sigmoid), batch-first input
 * ({@code [batch, window, features]}, NWC), the last LSTM read at its last time step, then a linear layer of
 * {@code horizon} outputs. Float32, Xavier weights.
 *
 * <p>Differences from PyTorch's {@code nn.LSTM} + {@code nn.Linear}: DL4J has one bias per gate (PyTorch two,
 * which only reparametrise the same function), initialises the forget-gate bias to 1 (PyTorch draws it like the
 * other weights) and uses Xavier instead of PyTorch's uniform(±1/sqrt(hidden)).
 *
 * <p>{@code l2} and AdamW's decoupled weight decay are set per layer, on weights only (not biases): a global
 * {@code weightDecay} on the configuration builder is applied twice in DL4J M2.1. Each layer gets its own updater
 * instance.
 */
final class NetworkFactory {
    private NetworkFactory() {
    }

    /** An initialised network; weights are a function of {@code seed} alone. */
    static MultiLayerNetwork build(SampleShape shape, ModelSpec model, TrainingSpec training, long seed) {
        MultiLayerConfiguration conf = configuration(shape, model, training, seed);
        Nd4j.getRandom().setSeed(seed);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    static MultiLayerConfiguration configuration(SampleShape shape, ModelSpec model, TrainingSpec training, long seed) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(Optimizers.updater(training.optimizer()))
                .list();
        for (int i = 0; i < model.numLayers(); i++) {
            LSTM.Builder lstm = new LSTM.Builder()
                    .nOut(model.hiddenSize())
                    .activation(Activation.TANH)
                    .gateActivationFunction(Activation.SIGMOID)
                    .updater(Optimizers.updater(training.optimizer()));
            regularise(lstm, training);
            LSTM built = lstm.build();
            layers.layer(i == model.numLayers() - 1 ? new LastTimeStep(built) : built);
        }
        OutputLayer.Builder head = new OutputLayer.Builder()
                .lossFunction(Losses.of(training.loss()))
                .activation(Activation.IDENTITY)
                .nOut(shape.horizon())
                .updater(Optimizers.updater(training.optimizer()));
        regularise(head, training);
        layers.layer(head.build());
        layers.setInputType(InputType.recurrent(shape.features(), shape.window(), RNNFormat.NWC));
        return layers.build();
    }

    private static void regularise(BaseLayer.Builder<?> layer, TrainingSpec training) {
        if (training.l2() > 0) {
            layer.l2(training.l2());
        }
        if (training.weightDecay() > 0) {
            // applyLR = true: w -= lr * c * w, as torch.optim.AdamW.
            layer.weightDecay(training.weightDecay(), true);
        }
    }
}
