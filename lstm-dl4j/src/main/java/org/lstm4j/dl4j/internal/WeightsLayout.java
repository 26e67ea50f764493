package org.lstm4j.dl4j.internal;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.lstm4j.api.NetworkWeights;
import org.lstm4j.api.NetworkWeights.Attention;
import org.lstm4j.api.NetworkWeights.Dense;
import org.lstm4j.api.NetworkWeights.Lstm;
import org.lstm4j.api.NetworkWeights.Matrix;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Converts between the network's DL4J parameters and the backend-neutral {@link NetworkWeights} (PyTorch's layout).
 *
 * <ul>
 *   <li>LSTM: DL4J keeps {@code W [in, 4h]}, {@code RW [h, 4h]}, {@code b [4h]} with gate blocks in the order
 *       [cell input, forget, output, input]; PyTorch keeps {@code [4h, in]} with [input, forget, cell, output]. PyTorch
 *       block {@code p} is DL4J block {@link #DL4J_BLOCK}{@code [p]}, transposed.</li>
 *   <li>Dense layers (attention, head): DL4J {@code W [in, out]}, PyTorch {@code [out, in]}.</li>
 *   <li>BatchNorm: DL4J stores the running variance as {@code log10(sqrt(variance))} and adds its epsilon at
 *       inference, as PyTorch does (checked against the network's output by {@code NetworkWeightsTest}).</li>
 * </ul>
 * Layer names are those {@link NetworkFactory}, {@link StackedLstm} and {@link BidirectionalLstm} give.
 */
final class WeightsLayout {
    /** DL4J's gate block for PyTorch's blocks i, f, g, o. */
    private static final int[] DL4J_BLOCK = {3, 1, 0, 2};

    private WeightsLayout() {
    }

    /** The weights of {@code net}, in PyTorch's layout. */
    static NetworkWeights read(ComputationGraph net) {
        boolean bidirectional = has(net, BidirectionalLstm.FORWARD + 0);
        String lstm = bidirectional ? BidirectionalLstm.FORWARD : StackedLstm.LSTM;
        List<NetworkWeights.Layer> layers = new ArrayList<>();
        for (int i = 0; has(net, lstm + i); i++) {
            layers.add(new NetworkWeights.Layer(readLstm(net.getLayer(lstm + i)),
                    bidirectional ? readLstm(net.getLayer(BidirectionalLstm.BACKWARD + i)) : null));
        }
        Layer attention = has(net, NetworkFactory.ATTENTION) ? net.getLayer(NetworkFactory.ATTENTION) : null;
        Layer batchNorm = has(net, NetworkFactory.BATCH_NORM) ? net.getLayer(NetworkFactory.BATCH_NORM) : null;
        return new NetworkWeights(layers,
                attention == null ? null : new Attention(
                        dense(attention.getParam(AttentionPooling.W), attention.getParam(AttentionPooling.B)),
                        dense(attention.getParam(AttentionPooling.V), attention.getParam(AttentionPooling.C))),
                batchNorm == null ? null : readBatchNorm(batchNorm),
                dense(net.getLayer(NetworkFactory.HEAD)));
    }

    /**
     * Sets the parameters of {@code net}, a network built by {@link NetworkFactory} for the same specs, to
     * {@code weights}.
     *
     * @throws IllegalArgumentException naming the first tensor whose shape does not fit, with both shapes, or the
     *                                  part the weights have and the network has not (or the other way round)
     */
    static void write(NetworkWeights weights, ComputationGraph net) {
        NetworkWeights own = read(net);
        same("LSTM layers", own.layers().size(), weights.layers().size());
        same("bidirectional layers", own.bidirectional(), weights.bidirectional());
        same("attention pooling", own.attention() != null, weights.attention() != null);
        same("batch norm", own.batchNorm() != null, weights.batchNorm() != null);
        boolean bidirectional = own.bidirectional();
        for (int i = 0; i < weights.layers().size(); i++) {
            NetworkWeights.Layer layer = weights.layers().get(i);
            String forward = (bidirectional ? BidirectionalLstm.FORWARD : StackedLstm.LSTM) + i;
            writeLstm(layer.forward(), net.getLayer(forward), "layer " + i + (bidirectional ? " forward" : ""));
            if (bidirectional) {
                writeLstm(layer.backward(), net.getLayer(BidirectionalLstm.BACKWARD + i), "layer " + i + " backward");
            }
        }
        if (weights.attention() != null) {
            Layer attention = net.getLayer(NetworkFactory.ATTENTION);
            writeDense(weights.attention().score(), attention.getParam(AttentionPooling.W), attention.getParam(AttentionPooling.B),
                    "attention score");
            writeDense(weights.attention().vector(), attention.getParam(AttentionPooling.V), attention.getParam(AttentionPooling.C),
                    "attention vector");
        }
        if (weights.batchNorm() != null) {
            writeBatchNorm(weights.batchNorm(), net.getLayer(NetworkFactory.BATCH_NORM));
        }
        Layer head = net.getLayer(NetworkFactory.HEAD);
        writeDense(weights.head(), head.getParam(DefaultParamInitializer.WEIGHT_KEY), head.getParam(DefaultParamInitializer.BIAS_KEY),
                "head");
    }

    private static boolean has(ComputationGraph net, String layer) {
        return net.getConfiguration().getVertices().containsKey(layer);
    }

    private static Lstm readLstm(Layer layer) {
        INDArray input = layer.getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY);
        INDArray recurrent = layer.getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY);
        double[] bias = layer.getParam(LSTMParamInitializer.BIAS_KEY).toDoubleVector();
        int h = (int) recurrent.rows();
        double[] pytorchBias = new double[4 * h];
        for (int p = 0; p < 4; p++) {
            System.arraycopy(bias, DL4J_BLOCK[p] * h, pytorchBias, p * h, h);
        }
        return new Lstm(gatesToPytorch(input.toDoubleMatrix(), h), gatesToPytorch(recurrent.toDoubleMatrix(), h), pytorchBias);
    }

    /** DL4J {@code [n, 4h]}, blocks c,f,o,i, to PyTorch {@code [4h, n]}, blocks i,f,g,o. */
    private static Matrix gatesToPytorch(double[][] dl4j, int h) {
        int n = dl4j.length;
        double[] values = new double[4 * h * n];
        for (int p = 0; p < 4; p++) {
            for (int j = 0; j < h; j++) {
                int column = DL4J_BLOCK[p] * h + j;
                for (int k = 0; k < n; k++) {
                    values[(p * h + j) * n + k] = dl4j[k][column];
                }
            }
        }
        return new Matrix(4 * h, n, values);
    }

    private static void writeLstm(Lstm lstm, Layer layer, String name) {
        INDArray input = layer.getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY);
        INDArray recurrent = layer.getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY);
        INDArray bias = layer.getParam(LSTMParamInitializer.BIAS_KEY);
        int h = (int) recurrent.rows();
        shape(name + " input weights", 4L * h, input.rows(), lstm.input());
        shape(name + " recurrent weights", 4L * h, h, lstm.recurrent());
        double[][] dl4jInput = new double[(int) input.rows()][4 * h];
        double[][] dl4jRecurrent = new double[h][4 * h];
        double[] dl4jBias = new double[4 * h];
        for (int p = 0; p < 4; p++) {
            for (int j = 0; j < h; j++) {
                int column = DL4J_BLOCK[p] * h + j;
                int row = p * h + j;
                for (int k = 0; k < dl4jInput.length; k++) {
                    dl4jInput[k][column] = lstm.input().get(row, k);
                }
                for (int k = 0; k < h; k++) {
                    dl4jRecurrent[k][column] = lstm.recurrent().get(row, k);
                }
                dl4jBias[column] = lstm.bias()[row];
            }
        }
        input.assign(Nd4j.create(dl4jInput).castTo(input.dataType()));
        recurrent.assign(Nd4j.create(dl4jRecurrent).castTo(recurrent.dataType()));
        bias.assign(Nd4j.create(dl4jBias).reshape(bias.shape()).castTo(bias.dataType()));
    }

    private static Dense dense(Layer layer) {
        return dense(layer.getParam(DefaultParamInitializer.WEIGHT_KEY), layer.getParam(DefaultParamInitializer.BIAS_KEY));
    }

    /** DL4J {@code W [in, out]}, {@code b [1, out]} to PyTorch's {@code [out, in]}, {@code [out]}. */
    private static Dense dense(INDArray weights, INDArray bias) {
        double[][] w = weights.toDoubleMatrix();
        int in = w.length;
        int out = w[0].length;
        double[] values = new double[out * in];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                values[o * in + i] = w[i][o];
            }
        }
        return new Dense(new Matrix(out, in, values), bias.toDoubleVector());
    }

    private static void writeDense(Dense dense, INDArray weights, INDArray bias, String name) {
        shape(name + " weights", weights.columns(), weights.rows(), dense.weights());
        double[][] w = new double[(int) weights.rows()][(int) weights.columns()];
        for (int i = 0; i < w.length; i++) {
            for (int o = 0; o < w[0].length; o++) {
                w[i][o] = dense.weights().get(o, i);
            }
        }
        weights.assign(Nd4j.create(w).castTo(weights.dataType()));
        bias.assign(Nd4j.create(dense.bias()).reshape(bias.shape()).castTo(bias.dataType()));
    }

    private static NetworkWeights.BatchNorm readBatchNorm(Layer layer) {
        BatchNormalization conf = (BatchNormalization) layer.conf().getLayer();
        double eps = conf.getEps();
        double[] variance;
        if (conf.isUseLogStd()) {
            double[] log10Std = layer.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).toDoubleVector();
            variance = new double[log10Std.length];
            for (int i = 0; i < variance.length; i++) {
                variance[i] = Math.pow(10, 2 * log10Std[i]);
            }
        } else {
            variance = layer.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).toDoubleVector();
        }
        return new NetworkWeights.BatchNorm(layer.getParam(BatchNormalizationParamInitializer.GAMMA).toDoubleVector(),
                layer.getParam(BatchNormalizationParamInitializer.BETA).toDoubleVector(),
                layer.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).toDoubleVector(), variance, eps);
    }

    private static void writeBatchNorm(NetworkWeights.BatchNorm norm, Layer layer) {
        BatchNormalization conf = (BatchNormalization) layer.conf().getLayer();
        INDArray gamma = layer.getParam(BatchNormalizationParamInitializer.GAMMA);
        if (norm.gamma().length != gamma.length()) {
            throw new IllegalArgumentException("batch norm: expected " + gamma.length() + " features, found " + norm.gamma().length);
        }
        // A variance stored with another epsilon keeps its standard deviation sqrt(variance + epsilon).
        double[] variance = new double[norm.variance().length];
        for (int i = 0; i < variance.length; i++) {
            variance[i] = norm.variance()[i] + norm.epsilon() - conf.getEps();
        }
        assign(gamma, norm.gamma());
        assign(layer.getParam(BatchNormalizationParamInitializer.BETA), norm.beta());
        assign(layer.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN), norm.mean());
        if (conf.isUseLogStd()) {
            double[] log10Std = new double[variance.length];
            for (int i = 0; i < variance.length; i++) {
                log10Std[i] = 0.5 * Math.log10(variance[i]);
            }
            assign(layer.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD), log10Std);
        } else {
            assign(layer.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR), variance);
        }
    }

    private static void assign(INDArray target, double[] values) {
        target.assign(Nd4j.create(values).reshape(target.shape()).castTo(target.dataType()));
    }

    private static void shape(String name, long rows, long columns, Matrix found) {
        if (found.rows() != rows || found.columns() != columns) {
            throw new IllegalArgumentException(name + ": expected [" + rows + ", " + columns + "], found [" + found.rows() + ", "
                    + found.columns() + "]");
        }
    }

    private static void same(String what, Object network, Object weights) {
        if (!network.equals(weights)) {
            throw new IllegalArgumentException(what + ": the model has " + network + ", the weights " + weights);
        }
    }
}
