package org.lstm4j.dl4j.internal;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.WindowedData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inference of the {@code lstm} architecture (stacked LSTM, last step, linear head; no BatchNorm) for a few windows
 * in plain Java: in float32 for a float32 network ({@link FloatLstmSteps}: vectorised loops, {@link FastTanh}'s
 * activations; {@code -Dlstm4j.floatJavaInference=false} computes it in double precision as before), in double
 * precision for a float64 one. For one window the network is a few hundred thousand multiply-adds, which
 * Java does in tens of microseconds, while any ND4J path pays a fixed cost per native call (two fused
 * {@code lstmLayer} calls and the graph's bookkeeping came to about 0.5 ms here, against PyTorch's 0.26 ms).
 *
 * <p>The weights are copied out of the network into Java arrays, again whenever the network's parameters differ
 * from the copy (one ND4J comparison per call), so a model whose network is still training stays correct.
 * Dropout is the identity at inference, as in DL4J. Thread-safe.
 */
final class SmallBatchLstm {
    /**
     * Calls with up to this many windows take this path; larger batches go through the network. Measured per
     * window: 135 µs (seed size) and 2.3 ms (large size) here, against a fixed 0.4 and 3.4 ms plus 36 µs and
     * 0.6 ms per window for the fused path: the two break even at about 4 and 2 windows.
     */
    static final int MAX_WINDOWS = 2;
    /**
     * Calls with up to this many windows may take this path once the parameters are frozen (a restored model), when
     * {@value FastPaths#JAVA_INFERENCE_WINDOWS} allows (by default only {@value #MAX_WINDOWS} do, so that a restored
     * model predicts bit for bit what the saved network did; the results differ in the last float32 bits): with no
     * comparison per call it costs about 85 µs per window (seed size), linear, against DL4J's graph path's fixed
     * 1 ms (fused {@code lstmLayer}) to 2.5 ms (kernel) plus 40-55 µs per window (measured: 32 windows 2.6 ms here
     * against 2.9 and 3.5 ms; 64 windows 5.4 against 4.4 and 5.2 ms), and it allocates no native memory, which a
     * server running thousands of batches a second needs (libnd4j's fused {@code lstmLayer} kept about 5 KB per
     * call, even with a full garbage collection every 500 calls).
     */
    static final int MAX_WINDOWS_FROZEN = 64;

    private final ComputationGraph net;
    private final SampleShape shape;
    private final int layers;
    private final ParameterSnapshot copiedFrom = new ParameterSnapshot();
    /** The weights' Java copy: {@link FloatWeights} on the float32 path, {@link Weights} on the float64 one. */
    private Object copy;
    /** Float32 arithmetic for a float32 network ({@link FastPaths#floatJavaInference}, read once). */
    private final boolean floatPath;

    private SmallBatchLstm(ComputationGraph net, SampleShape shape, int layers, boolean floatPath) {
        this.net = net;
        this.shape = shape;
        this.layers = layers;
        this.floatPath = floatPath;
    }

    /** The predictor for this network, or null when its architecture or precision is not one this class handles. */
    static SmallBatchLstm forNetwork(ComputationGraph net, SampleShape shape, ModelSpec model) {
        DataType type = net.params().dataType();
        boolean handled = model.architecture() == ModelSpec.Architecture.LSTM && !model.batchNorm()
                && (type == DataType.FLOAT || type == DataType.DOUBLE);
        return handled ? new SmallBatchLstm(net, shape, model.numLayers(),
                type == DataType.FLOAT && FastPaths.floatJavaInference()) : null;
    }

    /** Whether a call with this many windows takes this path. */
    static boolean suits(int windows) {
        return windows <= MAX_WINDOWS && FastPaths.javaInference();
    }

    /** Whether a call with this many windows takes this path, for a network whose parameters are frozen or not. */
    static boolean suits(int windows, boolean frozen) {
        return frozen ? windows <= FastPaths.javaInferenceWindows() && FastPaths.javaInference() : suits(windows);
    }

    /** One row of {@code horizon} forecasts per window of {@code data}. */
    double[][] predict(WindowedData data) {
        if (floatPath) {
            return predictInFloat(data, currentFloatWeights());
        }
        Weights w = currentWeights();
        int window = shape.window();
        int features = shape.features();
        float[] input = new float[window * features];
        double[][] result = new double[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            data.copyInputs(i, input, 0); // time-major: [t * features + f]
            double[] sequence = new double[window * features];
            for (int k = 0; k < sequence.length; k++) {
                sequence[k] = input[k];
            }
            int width = features;
            for (LstmWeights layer : w.layers) {
                sequence = layer.run(sequence, window, width);
                width = layer.hidden;
            }
            double[] last = new double[width];
            System.arraycopy(sequence, (window - 1) * width, last, 0, width);
            result[i] = w.head.apply(last);
        }
        return result;
    }

    /** {@link #predict} for a float32 network with {@link FastPaths#floatJavaInference}. */
    private double[][] predictInFloat(WindowedData data, FloatWeights w) {
        int window = shape.window();
        double[][] result = new double[data.size()][];
        float[] input = new float[window * shape.features()];
        for (int i = 0; i < data.size(); i++) {
            data.copyInputs(i, input, 0); // time-major: [t * features + f]
            float[] sequence = input;
            int width = shape.features();
            for (FloatLstmSteps layer : w.layers) {
                sequence = layer.run(sequence, window, width);
                width = layer.hidden;
            }
            result[i] = w.head.apply(sequence, (window - 1) * width, width);
        }
        return result;
    }

    private FloatWeights currentFloatWeights() {
        return (FloatWeights) currentCopy();
    }

    private Weights currentWeights() {
        return (Weights) currentCopy();
    }

    /** The Java copy of the weights ({@link FloatWeights} or {@link Weights}), copied again when they changed. */
    private synchronized Object currentCopy() {
        INDArray params = net.params();
        if (copy == null || copiedFrom.changed(params)) {
            copy = floatPath ? copyInFloat() : copyInDouble();
            copiedFrom.take(params);
        }
        return copy;
    }

    private FloatWeights copyInFloat() {
        FloatLstmSteps[] lstm = new FloatLstmSteps[layers];
        for (int i = 0; i < layers; i++) {
            lstm[i] = new FloatLstmSteps(net.getLayer(StackedLstm.LSTM + i));
        }
        return new FloatWeights(lstm, new FloatLstmSteps.Head(net.getLayer(NetworkFactory.HEAD)));
    }

    private Weights copyInDouble() {
        LstmWeights[] lstm = new LstmWeights[layers];
        for (int i = 0; i < layers; i++) {
            lstm[i] = new LstmWeights(net.getLayer(StackedLstm.LSTM + i));
        }
        return new Weights(lstm, new Linear(net.getLayer(NetworkFactory.HEAD)));
    }

    /** See {@link ParameterSnapshot#freeze}. */
    void freeze() {
        copiedFrom.freeze();
    }

    /** Frees the native copy of the parameters; a later call copies them again. */
    synchronized void release() {
        copiedFrom.close();
        copy = null;
    }

    private record Weights(LstmWeights[] layers, Linear head) {
    }

    private record FloatWeights(FloatLstmSteps[] layers, FloatLstmSteps.Head head) {
    }

    /** {@code y = x W + b}. */
    private static final class Linear {
        private final double[][] weights;
        private final double[] bias;

        Linear(Layer layer) {
            weights = layer.getParam(DefaultParamInitializer.WEIGHT_KEY).toDoubleMatrix();
            bias = layer.getParam(DefaultParamInitializer.BIAS_KEY).toDoubleVector();
        }

        double[] apply(double[] x) {
            double[] y = bias.clone();
            for (int k = 0; k < x.length; k++) {
                axpy(x[k], weights[k], y);
            }
            return y;
        }
    }

    /** One LSTM layer with DL4J's parameters and gate order {@code [block input | forget | output | input]}. */
    private static final class LstmWeights {
        private final double[][] input;
        private final double[][] recurrent;
        private final double[] bias;
        private final int hidden;

        LstmWeights(Layer layer) {
            input = layer.getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY).toDoubleMatrix();
            recurrent = layer.getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY).toDoubleMatrix();
            bias = layer.getParam(LSTMParamInitializer.BIAS_KEY).toDoubleVector();
            hidden = recurrent.length;
        }

        /** The hidden states of all steps, time-major, for a time-major input of {@code width} values per step. */
        double[] run(double[] sequence, int steps, int width) {
            int h = hidden;
            double[] out = new double[steps * h];
            double[] state = new double[h];
            double[] cell = new double[h];
            double[] z = new double[4 * h];
            for (int t = 0; t < steps; t++) {
                System.arraycopy(bias, 0, z, 0, 4 * h);
                for (int f = 0; f < width; f++) {
                    axpy(sequence[t * width + f], input[f], z);
                }
                for (int k = 0; k < h; k++) {
                    axpy(state[k], recurrent[k], z);
                }
                for (int k = 0; k < h; k++) {
                    double blockInput = ExactActivations.tanh(z[k]);
                    double forget = ExactActivations.sigmoid(z[h + k]);
                    double output = ExactActivations.sigmoid(z[2 * h + k]);
                    double inputGate = ExactActivations.sigmoid(z[3 * h + k]);
                    cell[k] = forget * cell[k] + inputGate * blockInput;
                    state[k] = output * ExactActivations.tanh(cell[k]);
                }
                System.arraycopy(state, 0, out, t * h, h);
            }
            return out;
        }
    }

    /** {@code y += a * x}. */
    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }
}
