package org.lstm4j.core.exchange.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.ModelSpec.Architecture;
import org.lstm4j.api.NetworkWeights;
import org.lstm4j.api.NetworkWeights.Dense;
import org.lstm4j.api.NetworkWeights.Lstm;
import org.lstm4j.api.NetworkWeights.Matrix;

/** Weights of the network a {@link ModelSpec} describes, drawn at random: no training, any value a test wants. */
final class RandomWeights {
    private RandomWeights() {}

    /** Weights uniform in ±0.6 (biases ±0.5; BatchNorm statistics plausible), reading {@code features} values per step. */
    static NetworkWeights of(ModelSpec spec, int features, int horizon, long seed) {
        Random random = new Random(seed);
        int h = spec.hiddenSize();
        boolean bidirectional = spec.architecture() == Architecture.BILSTM;
        List<NetworkWeights.Layer> layers = new ArrayList<>();
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
        return new NetworkWeights(layers, attention, batchNorm, dense(random, horizon, width));
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
}
