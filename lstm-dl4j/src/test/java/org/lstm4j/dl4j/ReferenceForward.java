package org.lstm4j.dl4j;

import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.NetworkWeights;
import org.lstm4j.api.NetworkWeights.Dense;
import org.lstm4j.api.NetworkWeights.Lstm;

/**
 * The network {@link NetworkWeights} describes, computed in plain double precision with PyTorch's semantics (gates
 * i, f, g, o; {@code h_n} of both directions for bilstm; the seed's attention pooling; BatchNorm on running
 * statistics). Written from the PyTorch documentation, independently of the backend, so that a test can tell
 * whether the backend's layout conversion is right.
 */
final class ReferenceForward {
    private ReferenceForward() {
    }

    /** The forecast of one window, {@code window[t][feature]}. */
    static double[] forecast(NetworkWeights weights, ModelSpec.BidirectionalMerge merge, double[][] window) {
        double[][] sequence = window;
        double[] forwardLast = null;
        double[] backwardLast = null;
        for (NetworkWeights.Layer layer : weights.layers()) {
            double[][] forward = run(layer.forward(), sequence, false);
            forwardLast = forward[forward.length - 1];
            if (layer.backward() == null) {
                sequence = forward;
                continue;
            }
            double[][] backward = run(layer.backward(), sequence, true);
            backwardLast = backward[0]; // after reading back to step 0
            double[][] both = new double[sequence.length][];
            for (int t = 0; t < both.length; t++) {
                both[t] = concat(forward[t], backward[t]);
            }
            sequence = both;
        }
        double[] features;
        if (weights.attention() != null) {
            features = attend(weights.attention(), sequence);
        } else if (backwardLast != null) {
            features = switch (merge) {
                case CONCAT -> concat(forwardLast, backwardLast);
                case SUM -> add(forwardLast, backwardLast, 1.0);
                case AVERAGE -> add(forwardLast, backwardLast, 0.5);
            };
        } else {
            features = forwardLast;
        }
        if (weights.batchNorm() != null) {
            NetworkWeights.BatchNorm norm = weights.batchNorm();
            double[] normed = new double[features.length];
            for (int i = 0; i < normed.length; i++) {
                normed[i] = norm.gamma()[i] * (features[i] - norm.mean()[i]) / Math.sqrt(norm.variance()[i] + norm.epsilon())
                        + norm.beta()[i];
            }
            features = normed;
        }
        return apply(weights.head(), features);
    }

    /** Outputs at every step (in original time order), reading the sequence backwards when {@code reverse}. */
    private static double[][] run(Lstm lstm, double[][] sequence, boolean reverse) {
        int h = lstm.hidden();
        double[][] out = new double[sequence.length][];
        double[] state = new double[h];
        double[] cell = new double[h];
        for (int step = 0; step < sequence.length; step++) {
            int t = reverse ? sequence.length - 1 - step : step;
            double[] z = lstm.bias().clone();
            for (int r = 0; r < 4 * h; r++) {
                for (int k = 0; k < lstm.inputs(); k++) {
                    z[r] += lstm.input().get(r, k) * sequence[t][k];
                }
                for (int k = 0; k < h; k++) {
                    z[r] += lstm.recurrent().get(r, k) * state[k];
                }
            }
            double[] next = new double[h];
            for (int j = 0; j < h; j++) {
                double i = sigmoid(z[j]);
                double f = sigmoid(z[h + j]);
                double g = Math.tanh(z[2 * h + j]);
                double o = sigmoid(z[3 * h + j]);
                cell[j] = f * cell[j] + i * g;
                next[j] = o * Math.tanh(cell[j]);
            }
            state = next;
            out[t] = next;
        }
        return out;
    }

    private static double[] attend(NetworkWeights.Attention attention, double[][] outputs) {
        double[] scores = new double[outputs.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < outputs.length; t++) {
            double[] hidden = apply(attention.score(), outputs[t]);
            for (int i = 0; i < hidden.length; i++) {
                hidden[i] = Math.tanh(hidden[i]);
            }
            scores[t] = apply(attention.vector(), hidden)[0];
            max = Math.max(max, scores[t]);
        }
        double sum = 0;
        for (int t = 0; t < scores.length; t++) {
            scores[t] = Math.exp(scores[t] - max);
            sum += scores[t];
        }
        double[] context = new double[outputs[0].length];
        for (int t = 0; t < outputs.length; t++) {
            for (int i = 0; i < context.length; i++) {
                context[i] += scores[t] / sum * outputs[t][i];
            }
        }
        return context;
    }

    private static double[] apply(Dense dense, double[] x) {
        double[] y = dense.bias().clone();
        for (int o = 0; o < y.length; o++) {
            for (int i = 0; i < x.length; i++) {
                y[o] += dense.weights().get(o, i) * x[i];
            }
        }
        return y;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static double[] add(double[] a, double[] b, double scale) {
        double[] c = new double[a.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = (a[i] + b[i]) * scale;
        }
        return c;
    }

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
