package org.lstm4j.dl4j.internal;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainingSpec;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the network as a DL4J {@code ComputationGraph}: input {@code [batch, features, window]} (NCW), an encoder
 * per architecture that turns a window into one row of features, optionally BatchNorm on those features, then a
 * linear head of {@code horizon} outputs. Xavier weights, in the training precision.
 *
 * <table>
 *   <caption>Architectures</caption>
 *   <tr><th>architecture</th><th>features the head reads</th></tr>
 *   <tr><td>lstm</td><td>{@link StackedLstm}, the top layer's output at the last step ({@value #FEATURES})</td></tr>
 *   <tr><td>bilstm</td><td>{@link BidirectionalLstm}: forward and backward {@code h_n}, merged</td></tr>
 *   <tr><td>attention</td><td>{@link StackedLstm}, then {@link AttentionPooling} over all of the top layer's
 *       steps ({@value #ATTENTION})</td></tr>
 * </table>
 *
 * <p>Differences from PyTorch's {@code nn.LSTM} + {@code nn.Linear}: DL4J has one bias per gate (PyTorch two,
 * which only reparametrise the same function), initialises the forget-gate bias to 1 (PyTorch draws it like the
 * other weights) and uses Xavier instead of PyTorch's uniform(±1/sqrt(hidden)). The per-layer settings are in
 * {@link Layers}.
 */
final class NetworkFactory {
    static final String INPUT = "input";
    static final String FEATURES = "features";
    static final String ATTENTION = "attention";
    static final String BATCH_NORM = "batchnorm";
    static final String HEAD = "head";

    private NetworkFactory() {
    }

    /** An initialised network; weights are a function of {@code seed} alone. */
    static ComputationGraph build(SampleShape shape, ModelSpec model, TrainingSpec training, long seed) {
        ComputationGraphConfiguration conf = configuration(shape, model, training, seed);
        Nd4j.getRandom().setSeed(seed);
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    static ComputationGraphConfiguration configuration(SampleShape shape, ModelSpec model, TrainingSpec training, long seed) {
        Layers layers = new Layers(training);
        GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(Precisions.dataType(training.precision()))
                .weightInit(WeightInit.XAVIER)
                .updater(layers.updater())
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.recurrent(shape.features(), shape.window(), RNNFormat.NCW));
        String last = encoder(graph, layers, model, shape);
        if (model.batchNorm()) {
            graph.addLayer(BATCH_NORM, layers.batchNorm(), last);
            last = BATCH_NORM;
        }
        graph.addLayer(HEAD, layers.head(shape.horizon()), last);
        graph.setOutputs(HEAD);
        return graph.build();
    }

    /** The vertex whose output the head (or BatchNorm) reads. */
    static String featuresVertex(ModelSpec model) {
        return model.architecture() == ModelSpec.Architecture.ATTENTION ? ATTENTION : FEATURES;
    }

    /** Adds the layers from the input to the features; returns the features vertex. */
    private static String encoder(GraphBuilder graph, Layers layers, ModelSpec model, SampleShape shape) {
        return switch (model.architecture()) {
            case LSTM -> {
                graph.addVertex(FEATURES, new LastTimeStepVertex(INPUT), StackedLstm.add(graph, layers, model, INPUT));
                yield FEATURES;
            }
            case BILSTM -> BidirectionalLstm.add(graph, layers, model, INPUT);
            case ATTENTION -> {
                AttentionPooling attention = layers.attention(model.attentionSize(), shape.window());
                graph.addLayer(ATTENTION, attention, StackedLstm.add(graph, layers, model, INPUT));
                yield ATTENTION;
            }
        };
    }
}
