package org.lstm4j.dl4j.internal;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.params.LSTMParamInitializer;

/**
 * One float32 LSTM layer for {@link SmallBatchLstm}, in plain Java, written so that the JIT compiler vectorises every
 * loop: the products as {@code y += a * row} over contiguous rows of the weights (no reduction, which Java would
 * not reorder), the activations through {@link FastTanh}'s rational functions in loops of their own. Float32
 * halves the weights' size against float64 (LSTM(128)'s recurrent matrix is 256 KB, which stays in a core's L2
 * cache) and doubles the values per vector instruction.
 */
final class FloatLstmSteps {
    private final float[][] input;
    private final float[][] recurrent;
    private final float[] bias;
    final int hidden;

    /** DL4J's parameters of {@code layer}, gate order {@code [block input | forget | output | input]}. */
    FloatLstmSteps(Layer layer) {
        input = layer.getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY).toFloatMatrix();
        recurrent = layer.getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY).toFloatMatrix();
        bias = layer.getParam(LSTMParamInitializer.BIAS_KEY).toFloatVector();
        hidden = recurrent.length;
    }

    /** The hidden states of all steps, time-major, for a time-major input of {@code width} values per step. */
    float[] run(float[] sequence, int steps, int width) {
        int h = hidden;
        float[] out = new float[steps * h];
        float[] state = new float[h];
        float[] cell = new float[h];
        float[] blockInput = new float[h];
        float[] z = new float[4 * h];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(bias, 0, z, 0, 4 * h);
            addProduct(sequence, t * width, width, input, z);
            if (t > 0) {
                addProduct(state, 0, h, recurrent, z);
            }
            for (int k = 0; k < h; k++) {
                blockInput[k] = FastTanh.tanh(z[k]);
            }
            for (int k = h; k < 4 * h; k++) {
                z[k] = FastTanh.sigmoid(z[k]);
            }
            for (int k = 0; k < h; k++) {
                cell[k] = z[h + k] * cell[k] + z[3 * h + k] * blockInput[k];
            }
            for (int k = 0; k < h; k++) {
                state[k] = z[2 * h + k] * FastTanh.tanh(cell[k]);
            }
            System.arraycopy(state, 0, out, t * h, h);
        }
        return out;
    }

    /**
     * {@code y += x W} with {@code x = values[offset .. offset + count)} and the rows {@code W[k]}: four rows per
     * pass over {@code y}, so that {@code y} is loaded and stored once per four rows (one row per pass is bound by
     * those loads and stores, not by the multiplications: measured 1.9 against 1.3-1.7 ms for LSTM(128)x2's window).
     */
    static void addProduct(float[] values, int offset, int count, float[][] rows, float[] y) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            float a0 = values[offset + k];
            float a1 = values[offset + k + 1];
            float a2 = values[offset + k + 2];
            float a3 = values[offset + k + 3];
            float[] r0 = rows[k];
            float[] r1 = rows[k + 1];
            float[] r2 = rows[k + 2];
            float[] r3 = rows[k + 3];
            for (int j = 0; j < y.length; j++) {
                y[j] += a0 * r0[j] + a1 * r1[j] + a2 * r2[j] + a3 * r3[j];
            }
        }
        for (; k < count; k++) {
            axpy(values[offset + k], rows[k], y);
        }
    }

    /** {@code y += a * x}. */
    static void axpy(float a, float[] x, float[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }

    /** The linear head {@code y = x W + b} in float32. */
    static final class Head {
        private final float[][] weights;
        private final float[] bias;

        Head(Layer layer) {
            weights = layer.getParam(DefaultParamInitializer.WEIGHT_KEY).toFloatMatrix();
            bias = layer.getParam(DefaultParamInitializer.BIAS_KEY).toFloatVector();
        }

        double[] apply(float[] sequence, int offset, int width) {
            float[] y = bias.clone();
            for (int k = 0; k < width; k++) {
                axpy(sequence[offset + k], weights[k], y);
            }
            double[] out = new double[y.length];
            for (int j = 0; j < y.length; j++) {
                out[j] = y[j];
            }
            return out;
        }
    }
}
