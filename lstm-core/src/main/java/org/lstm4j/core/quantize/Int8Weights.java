package org.lstm4j.core.quantize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lstm4j.api.NetworkWeights;
import org.lstm4j.api.NetworkWeights.Attention;
import org.lstm4j.api.NetworkWeights.BatchNorm;
import org.lstm4j.api.NetworkWeights.Dense;
import org.lstm4j.api.NetworkWeights.Lstm;
import org.lstm4j.api.NetworkWeights.Matrix;

/**
 * A network's weights with every weight matrix (LSTM, attention, head) in int8, symmetric per output channel: row
 * {@code r} is stored as {@code q[r][c] = round(w[r][c] / scale[r])} in [-127, 127] with
 * {@code scale[r] = max_c |w[r][c]| / 127}, so it is read back as {@code q[r][c] * scale[r]}. An LSTM direction's
 * output channels are its 4h gate rows, which read both the input and the recurrent state: its two matrices are
 * stored side by side as one {@code [4h, in + h]} matrix with one scale per gate row (PyTorch's per-channel
 * convention for {@code [W_ih | W_hh]}). Biases and BatchNorm stay float32. The tensors are named by their place in
 * {@link NetworkWeights} ({@code layers.0.forward.weights}, {@code head.bias}, ...).
 *
 * @param tensors the tensors in a fixed order, by name
 */
public record Int8Weights(Map<String, Tensor> tensors) {

    public Int8Weights {
        tensors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** A stored tensor. */
    public sealed interface Tensor permits Int8Matrix, FloatVector {
        /** Bytes it takes in the bundle's {@code weights.int8} entry, without its name. */
        long storedBytes();
    }

    /**
     * An int8 matrix with a float32 scale per row.
     *
     * @param rows    output channels
     * @param columns inputs
     * @param scales  one per row
     * @param values  {@code rows * columns}, row after row
     */
    public record Int8Matrix(int rows, int columns, float[] scales, byte[] values) implements Tensor {
        public Int8Matrix {
            if (rows < 1 || columns < 1 || scales.length != rows || values.length != (long) rows * columns) {
                throw new IllegalArgumentException("an int8 " + rows + " x " + columns + " matrix needs " + rows + " scales and "
                        + (long) rows * columns + " values, got " + scales.length + " and " + values.length);
            }
        }

        /** Quantizes {@code matrix}, row by row. */
        static Int8Matrix of(Matrix matrix) {
            int rows = matrix.rows();
            int columns = matrix.columns();
            float[] scales = new float[rows];
            byte[] values = new byte[rows * columns];
            for (int r = 0; r < rows; r++) {
                double max = 0;
                for (int c = 0; c < columns; c++) {
                    max = Math.max(max, Math.abs(matrix.get(r, c)));
                }
                float scale = max == 0 ? 1f : (float) (max / 127);
                scales[r] = scale;
                for (int c = 0; c < columns; c++) {
                    long q = Math.round(matrix.get(r, c) / scale);
                    values[r * columns + c] = (byte) Math.max(-127, Math.min(127, q));
                }
            }
            return new Int8Matrix(rows, columns, scales, values);
        }

        /** The matrix these values stand for. */
        Matrix dequantize() {
            double[] values = new double[rows * columns];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    values[r * columns + c] = this.values[r * columns + c] * (double) scales[r];
                }
            }
            return new Matrix(rows, columns, values);
        }

        @Override
        public long storedBytes() {
            return 8L + 4L * rows + (long) rows * columns;
        }
    }

    /**
     * A float32 vector (a bias, BatchNorm's statistics).
     *
     * @param values the values
     */
    public record FloatVector(float[] values) implements Tensor {
        static FloatVector of(double[] values) {
            float[] floats = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                floats[i] = (float) values[i];
            }
            return new FloatVector(floats);
        }

        double[] toDoubles() {
            double[] doubles = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                doubles[i] = values[i];
            }
            return doubles;
        }

        @Override
        public long storedBytes() {
            return 4L + 4L * values.length;
        }
    }

    /** Quantizes every weight matrix of {@code weights}. */
    public static Int8Weights quantize(NetworkWeights weights) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < weights.layers().size(); i++) {
            NetworkWeights.Layer layer = weights.layers().get(i);
            putLstm(tensors, "layers." + i + ".forward", layer.forward());
            if (layer.backward() != null) {
                putLstm(tensors, "layers." + i + ".backward", layer.backward());
            }
        }
        if (weights.attention() != null) {
            putDense(tensors, "attention.score", weights.attention().score());
            putDense(tensors, "attention.vector", weights.attention().vector());
        }
        if (weights.batchNorm() != null) {
            BatchNorm norm = weights.batchNorm();
            tensors.put("batch_norm.gamma", FloatVector.of(norm.gamma()));
            tensors.put("batch_norm.beta", FloatVector.of(norm.beta()));
            tensors.put("batch_norm.mean", FloatVector.of(norm.mean()));
            tensors.put("batch_norm.variance", FloatVector.of(norm.variance()));
            tensors.put("batch_norm.epsilon", FloatVector.of(new double[] {norm.epsilon()}));
        }
        putDense(tensors, "head", weights.head());
        return new Int8Weights(tensors);
    }

    /**
     * The weights these tensors stand for, for a backend to build its network from.
     *
     * @throws IllegalArgumentException naming a missing tensor, or one of the wrong kind
     */
    public NetworkWeights dequantize() {
        List<NetworkWeights.Layer> layers = new ArrayList<>();
        for (int i = 0; tensors.containsKey("layers." + i + ".forward.weights"); i++) {
            String prefix = "layers." + i;
            layers.add(new NetworkWeights.Layer(lstm(prefix + ".forward"),
                    tensors.containsKey(prefix + ".backward.weights") ? lstm(prefix + ".backward") : null));
        }
        Attention attention = tensors.containsKey("attention.score.weights")
                ? new Attention(dense("attention.score"), dense("attention.vector")) : null;
        BatchNorm norm = tensors.containsKey("batch_norm.gamma")
                ? new BatchNorm(vector("batch_norm.gamma"), vector("batch_norm.beta"), vector("batch_norm.mean"),
                        vector("batch_norm.variance"), vector("batch_norm.epsilon")[0])
                : null;
        return new NetworkWeights(layers, attention, norm, dense("head"));
    }

    /** Bytes the tensors take in the bundle, names included. */
    public long storedBytes() {
        long bytes = 0;
        for (Map.Entry<String, Tensor> tensor : tensors.entrySet()) {
            bytes += 2 + tensor.getKey().length() + 1 + tensor.getValue().storedBytes();
        }
        return bytes;
    }

    private static void putLstm(Map<String, Tensor> tensors, String prefix, Lstm lstm) {
        int rows = lstm.input().rows();
        int in = lstm.inputs();
        int h = lstm.hidden();
        double[] sideBySide = new double[rows * (in + h)];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(lstm.input().values(), r * in, sideBySide, r * (in + h), in);
            System.arraycopy(lstm.recurrent().values(), r * h, sideBySide, r * (in + h) + in, h);
        }
        tensors.put(prefix + ".weights", Int8Matrix.of(new Matrix(rows, in + h, sideBySide)));
        tensors.put(prefix + ".bias", FloatVector.of(lstm.bias()));
    }

    private static void putDense(Map<String, Tensor> tensors, String prefix, Dense dense) {
        tensors.put(prefix + ".weights", Int8Matrix.of(dense.weights()));
        tensors.put(prefix + ".bias", FloatVector.of(dense.bias()));
    }

    private Lstm lstm(String prefix) {
        Matrix sideBySide = matrix(prefix + ".weights");
        int rows = sideBySide.rows();
        int h = rows / 4;
        int in = sideBySide.columns() - h;
        if (rows % 4 != 0 || in < 1) {
            throw new IllegalArgumentException(prefix + ".weights: expected [4h, in + h], found [" + rows + ", " + sideBySide.columns() + "]");
        }
        double[] input = new double[rows * in];
        double[] recurrent = new double[rows * h];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(sideBySide.values(), r * (in + h), input, r * in, in);
            System.arraycopy(sideBySide.values(), r * (in + h) + in, recurrent, r * h, h);
        }
        return new Lstm(new Matrix(rows, in, input), new Matrix(rows, h, recurrent), vector(prefix + ".bias"));
    }

    private Dense dense(String prefix) {
        return new Dense(matrix(prefix + ".weights"), vector(prefix + ".bias"));
    }

    private Matrix matrix(String name) {
        if (tensor(name) instanceof Int8Matrix matrix) {
            return matrix.dequantize();
        }
        throw new IllegalArgumentException(name + ": expected an int8 matrix, found a float vector");
    }

    private double[] vector(String name) {
        if (tensor(name) instanceof FloatVector vector) {
            return vector.toDoubles();
        }
        throw new IllegalArgumentException(name + ": expected a float vector, found an int8 matrix");
    }

    private Tensor tensor(String name) {
        Tensor tensor = tensors.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("missing tensor " + name);
        }
        return tensor;
    }
}
