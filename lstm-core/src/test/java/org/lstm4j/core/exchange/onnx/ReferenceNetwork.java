package org.lstm4j.core.exchange.onnx;

import java.io.OutputStream;
import java.util.List;
import java.util.Random;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.ModelSpec.Architecture;
import org.lstm4j.api.NetworkWeights;
import org.lstm4j.api.NetworkWeights.Dense;
import org.lstm4j.api.NetworkWeights.Lstm;
import org.lstm4j.api.NetworkWeights.Matrix;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.WindowedData;

/**
 * A network computed in plain Java (double) with PyTorch's semantics ({@code nn.LSTM} gates i, f, g, o, {@code h_n} of
 * both directions, the seed's attention pooling, inference BatchNorm, {@code nn.Linear}), from hand-made
 * {@link NetworkWeights}: what the exported graph must compute, without DL4J.
 */
final class ReferenceNetwork implements TrainedModel {
    private final NetworkWeights weights;
    private final ModelSpec spec;

    ReferenceNetwork(NetworkWeights weights, ModelSpec spec) {
        this.weights = weights;
        this.spec = spec;
    }

    /** Random weights of the network {@code spec} describes, reading {@code features} values per step. */
    static ReferenceNetwork random(ModelSpec spec, int features, int horizon, long seed) {
        Random random = new Random(seed);
        int h = spec.hiddenSize();
        boolean bidirectional = spec.architecture() == Architecture.BILSTM;
        List<NetworkWeights.Layer> layers = new java.util.ArrayList<>();
        int in = features;
        for (int i = 0; i < spec.numLayers(); i++) {
            layers.add(new NetworkWeights.Layer(lstm(random, in, h), bidirectional ? lstm(random, in, h) : null));
            in = bidirectional ? 2 * h : h;
        }
        int width = bidirectional && spec.bidirectionalMerge() != ModelSpec.BidirectionalMerge.CONCAT ? h : in;
        NetworkWeights.Attention attention = spec.architecture() == Architecture.ATTENTION
                ? new NetworkWeights.Attention(dense(random, spec.attentionSize(), width), dense(random, 1, spec.attentionSize()))
                : null;
        NetworkWeights.BatchNorm batchNorm = spec.batchNorm()
                ? new NetworkWeights.BatchNorm(values(random, width, 0.5, 1.5), values(random, width, -0.3, 0.3),
                values(random, width, -0.2, 0.2), values(random, width, 0.05, 0.5), 1e-5)
                : null;
        return new ReferenceNetwork(new NetworkWeights(layers, attention, batchNorm, dense(random, horizon, width)), spec);
    }

    private static Lstm lstm(Random random, int in, int h) {
        return new Lstm(matrix(random, 4 * h, in), matrix(random, 4 * h, h), values(random, 4 * h, -0.5, 0.5));
    }

    private static Dense dense(Random random, int out, int in) {
        return new Dense(matrix(random, out, in), values(random, out, -0.5, 0.5));
    }

    private static Matrix matrix(Random random, int rows, int columns) {
        return new Matrix(rows, columns, values(random, rows * columns, -0.6, 0.6));
    }

    private static double[] values(Random random, int n, double low, double high) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = low + (high - low) * random.nextDouble();
        }
        return values;
    }

    @Override
    public NetworkWeights weights() {
        return weights;
    }

    @Override
    public double[][] predict(WindowedData data) {
        double[][] forecasts = new double[data.size()][];
        float[] window = new float[data.window() * data.features()];
        for (int w = 0; w < data.size(); w++) {
            data.copyInputs(w, window, 0);
            double[][] steps = new double[data.window()][data.features()];
            for (int t = 0; t < data.window(); t++) {
                for (int f = 0; f < data.features(); f++) {
                    steps[t][f] = window[t * data.features() + f];
                }
            }
            forecasts[w] = forecast(steps);
        }
        return forecasts;
    }

    private double[] forecast(double[][] steps) {
        double[][] sequence = steps;
        double[] forwardLast = null;
        double[] backwardLast = null;
        for (NetworkWeights.Layer layer : weights.layers()) {
            double[][] forward = run(layer.forward(), sequence, false);
            forwardLast = forward[forward.length - 1];
            if (layer.backward() == null) {
                sequence = forward;
            } else {
                double[][] backward = run(layer.backward(), sequence, true);
                backwardLast = backward[0];
                sequence = new double[forward.length][];
                for (int t = 0; t < forward.length; t++) {
                    sequence[t] = concat(forward[t], backward[t]);
                }
            }
        }
        double[] features = switch (spec.architecture()) {
            case LSTM -> forwardLast;
            case BILSTM -> merge(forwardLast, backwardLast);
            case ATTENTION -> attend(sequence);
        };
        if (weights.batchNorm() != null) {
            NetworkWeights.BatchNorm norm = weights.batchNorm();
            double[] normed = new double[features.length];
            for (int i = 0; i < features.length; i++) {
                normed[i] = norm.gamma()[i] * (features[i] - norm.mean()[i]) / Math.sqrt(norm.variance()[i] + norm.epsilon()) + norm.beta()[i];
            }
            features = normed;
        }
        return apply(weights.head(), features);
    }

    /** One direction over the whole sequence; the outputs by time step (a backward pass reads T-1 down to 0). */
    private static double[][] run(Lstm lstm, double[][] inputs, boolean backward) {
        int h = lstm.hidden();
        double[] state = new double[h];
        double[] cell = new double[h];
        double[][] outputs = new double[inputs.length][];
        for (int n = 0; n < inputs.length; n++) {
            int t = backward ? inputs.length - 1 - n : n;
            double[] gates = new double[4 * h];
            for (int g = 0; g < 4 * h; g++) {
                double sum = lstm.bias()[g];
                for (int i = 0; i < lstm.inputs(); i++) {
                    sum += lstm.input().get(g, i) * inputs[t][i];
                }
                for (int i = 0; i < h; i++) {
                    sum += lstm.recurrent().get(g, i) * state[i];
                }
                gates[g] = sum;
            }
            double[] next = new double[h];
            for (int j = 0; j < h; j++) {
                double input = sigmoid(gates[j]);
                double forget = sigmoid(gates[h + j]);
                double candidate = Math.tanh(gates[2 * h + j]);
                double output = sigmoid(gates[3 * h + j]);
                cell[j] = forget * cell[j] + input * candidate;
                next[j] = output * Math.tanh(cell[j]);
            }
            state = next;
            outputs[t] = next;
        }
        return outputs;
    }

    private double[] merge(double[] forward, double[] backward) {
        if (spec.bidirectionalMerge() == ModelSpec.BidirectionalMerge.CONCAT) {
            return concat(forward, backward);
        }
        double[] merged = new double[forward.length];
        for (int i = 0; i < merged.length; i++) {
            merged[i] = forward[i] + backward[i];
            if (spec.bidirectionalMerge() == ModelSpec.BidirectionalMerge.AVERAGE) {
                merged[i] /= 2;
            }
        }
        return merged;
    }

    private double[] attend(double[][] sequence) {
        double[] scores = new double[sequence.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < sequence.length; t++) {
            double[] hidden = apply(weights.attention().score(), sequence[t]);
            for (int a = 0; a < hidden.length; a++) {
                hidden[a] = Math.tanh(hidden[a]);
            }
            scores[t] = apply(weights.attention().vector(), hidden)[0];
            max = Math.max(max, scores[t]);
        }
        double total = 0;
        for (int t = 0; t < scores.length; t++) {
            scores[t] = Math.exp(scores[t] - max);
            total += scores[t];
        }
        double[] context = new double[sequence[0].length];
        for (int t = 0; t < sequence.length; t++) {
            for (int i = 0; i < context.length; i++) {
                context[i] += scores[t] / total * sequence[t][i];
            }
        }
        return context;
    }

    private static double[] apply(Dense dense, double[] x) {
        double[] y = dense.bias().clone();
        for (int r = 0; r < y.length; r++) {
            for (int c = 0; c < x.length; c++) {
                y[r] += dense.weights().get(r, c) * x[c];
            }
        }
        return y;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    public void writeParameters(OutputStream out) {
        throw new UnsupportedOperationException("a reference network is not saved");
    }

    @Override
    public long parameterCount() {
        return 0;
    }
}
