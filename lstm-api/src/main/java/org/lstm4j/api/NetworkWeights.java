package org.lstm4j.api;

import java.util.List;
import java.util.Objects;

/**
 * A trained network's weights in a backend-neutral layout, PyTorch's: matrices are {@code [out, in]} (row-major),
 * an LSTM's four gate blocks are in PyTorch's order <b>input, forget, cell (g), output</b>, and an LSTM has one
 * bias per gate (PyTorch's {@code bias_ih + bias_hh}). This is what model exchange works on: ONNX export, PyTorch
 * import and int8 quantization read and write these records, and a backend converts them to and from its own layout
 * ({@link TrainedModel#weights()}, {@link Backend#restore(SampleShape, ModelSpec, TrainingSpec, NetworkWeights)}).
 *
 * <p>The network they describe (see {@code docs/parameters.md}):
 * <pre>
 * layers      stacked LSTM layers; layer 0 reads the features, layer k+1 the outputs of layer k
 *             (bilstm: both directions concatenated, forward first, at every step)
 * features    lstm: the top layer's output at the last step
 *             bilstm: forward h_n and backward h_n (after reading back to step 0), merged by model.bidirectional_merge
 *             attention: sum over t of softmax_t(score(h[t])) * h[t], score = vector(tanh(score(h[t])))
 * batchNorm   optional, on the features, with its running statistics (inference)
 * head        Linear(features, horizon)
 * </pre>
 *
 * @param layers    the LSTM layers, bottom first
 * @param attention the attention pooling; {@code null} unless the architecture is {@code attention}
 * @param batchNorm the BatchNorm on the features; {@code null} unless {@code model.batch_norm}
 * @param head      the linear head, {@code [horizon, features]}
 */
public record NetworkWeights(List<Layer> layers, Attention attention, BatchNorm batchNorm, Dense head) {

    public NetworkWeights {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network has at least one LSTM layer");
        }
        Objects.requireNonNull(head, "head");
    }

    /** Whether the layers have a backward direction. */
    public boolean bidirectional() {
        return layers.get(0).backward() != null;
    }

    /**
     * A row-major matrix.
     *
     * @param rows    output channels
     * @param columns inputs
     * @param values  {@code rows * columns} values, row after row
     */
    public record Matrix(int rows, int columns, double[] values) {
        public Matrix {
            if (rows < 1 || columns < 1 || values.length != (long) rows * columns) {
                throw new IllegalArgumentException("a " + rows + " x " + columns + " matrix needs " + (long) rows * columns
                        + " values, got " + values.length);
            }
        }

        /** The value at {@code row}, {@code column}. */
        public double get(int row, int column) {
            return values[row * columns + column];
        }
    }

    /**
     * One direction of an LSTM layer of {@code h} units reading {@code in} values per step.
     *
     * @param input     {@code [4h, in]}, PyTorch's {@code weight_ih}
     * @param recurrent {@code [4h, h]}, PyTorch's {@code weight_hh}
     * @param bias      {@code [4h]}, PyTorch's {@code bias_ih + bias_hh}
     */
    public record Lstm(Matrix input, Matrix recurrent, double[] bias) {
        public Lstm {
            int gates = recurrent.rows();
            if (gates % 4 != 0 || recurrent.columns() * 4 != gates || input.rows() != gates || bias.length != gates) {
                throw new IllegalArgumentException("an LSTM of h units needs input [4h, in], recurrent [4h, h] and bias [4h]; got input ["
                        + input.rows() + ", " + input.columns() + "], recurrent [" + recurrent.rows() + ", " + recurrent.columns()
                        + "], bias [" + bias.length + "]");
            }
        }

        /** Units {@code h}. */
        public int hidden() {
            return recurrent.columns();
        }

        /** Values read per step. */
        public int inputs() {
            return input.columns();
        }
    }

    /**
     * One stacked layer.
     *
     * @param forward  the forward direction
     * @param backward the backward direction (bilstm), else {@code null}
     */
    public record Layer(Lstm forward, Lstm backward) {
        public Layer {
            Objects.requireNonNull(forward, "forward");
        }

        /** A unidirectional layer. */
        public static Layer of(Lstm forward) {
            return new Layer(forward, null);
        }
    }

    /**
     * {@code y = weights x + bias}.
     *
     * @param weights {@code [out, in]}
     * @param bias    {@code [out]}
     */
    public record Dense(Matrix weights, double[] bias) {
        public Dense {
            if (bias.length != weights.rows()) {
                throw new IllegalArgumentException("a dense layer of " + weights.rows() + " outputs needs " + weights.rows()
                        + " biases, got " + bias.length);
            }
        }
    }

    /**
     * The seed's attention pooling: {@code score[t] = vector(tanh(score(h[t])))}.
     *
     * @param score  {@code Linear(hidden, attention_size)}
     * @param vector {@code Linear(attention_size, 1)}
     */
    public record Attention(Dense score, Dense vector) {
        public Attention {
            if (vector.weights().rows() != 1 || vector.weights().columns() != score.weights().rows()) {
                throw new IllegalArgumentException("the attention vector must be [1, " + score.weights().rows() + "], was ["
                        + vector.weights().rows() + ", " + vector.weights().columns() + "]");
            }
        }
    }

    /**
     * Inference-time BatchNorm: {@code y = gamma (x - mean) / sqrt(variance + epsilon) + beta}.
     *
     * @param gamma    scale per feature
     * @param beta     shift per feature
     * @param mean     running mean
     * @param variance running variance
     * @param epsilon  added to the variance
     */
    public record BatchNorm(double[] gamma, double[] beta, double[] mean, double[] variance, double epsilon) {
        public BatchNorm {
            int n = gamma.length;
            if (beta.length != n || mean.length != n || variance.length != n) {
                throw new IllegalArgumentException("BatchNorm's gamma, beta, mean and variance must have one length, were "
                        + n + ", " + beta.length + ", " + mean.length + ", " + variance.length);
            }
        }
    }
}
