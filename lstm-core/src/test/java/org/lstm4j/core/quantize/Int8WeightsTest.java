package org.lstm4j.core.quantize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.NetworkWeights;
import org.lstm4j.api.NetworkWeights.Dense;
import org.lstm4j.api.NetworkWeights.Lstm;
import org.lstm4j.api.NetworkWeights.Matrix;

class Int8WeightsTest {
    private final Random random = new Random(5);

    @Test
    void everyWeightComesBackWithinHalfItsRowsStepAndBiasesStayFloat32() {
        NetworkWeights weights = network(true);
        NetworkWeights back = Int8Weights.quantize(weights).dequantize();
        for (int i = 0; i < weights.layers().size(); i++) {
            for (boolean backward : new boolean[] {false, true}) {
                Lstm a = backward ? weights.layers().get(i).backward() : weights.layers().get(i).forward();
                Lstm b = backward ? back.layers().get(i).backward() : back.layers().get(i).forward();
                assertWithinHalfStep(a.input(), a.recurrent(), b.input());
                assertWithinHalfStep(a.recurrent(), a.input(), b.recurrent());
                for (int k = 0; k < a.bias().length; k++) {
                    assertThat(b.bias()[k]).isEqualTo((float) a.bias()[k]);
                }
            }
        }
        assertWithinHalfStep(weights.head().weights(), null, back.head().weights());
        assertThat(back.batchNorm().variance()[1]).isEqualTo((float) weights.batchNorm().variance()[1]);
        assertThat(back.batchNorm().epsilon()).isEqualTo((float) 1e-5);
    }

    @Test
    void aRowOfZerosStaysZeroAndTheLargestValueOfARowIsExact() {
        double[] values = new double[8];
        values[5] = -0.37; // row 1 holds the only non-zero values
        values[6] = 0.1;
        Int8Weights.Int8Matrix q = Int8Weights.Int8Matrix.of(new Matrix(2, 4, values));
        assertThat(q.values()[5]).isEqualTo((byte) -127);
        Matrix back = q.dequantize();
        assertThat(Arrays.copyOf(back.values(), 4)).containsOnly(0.0);
        assertThat(back.get(1, 1)).isCloseTo(-0.37, org.assertj.core.api.Assertions.within(1e-7));
    }

    @Test
    void theEntryFormatRoundTripsAndRefusesWhatItDidNotWrite() throws IOException {
        Int8Weights weights = Int8Weights.quantize(network(false));
        byte[] bytes = Int8WeightsFormat.write(weights);
        Int8Weights read = Int8WeightsFormat.read(bytes);
        assertThat(read.tensors().keySet()).containsExactlyElementsOf(weights.tensors().keySet());
        assertThat(((Int8Weights.Int8Matrix) read.tensors().get("head.weights")).values())
                .containsExactly(((Int8Weights.Int8Matrix) weights.tensors().get("head.weights")).values());
        assertThat(bytes.length).isEqualTo(8 + 4 + weights.storedBytes());

        assertThatThrownBy(() -> Int8WeightsFormat.read("LSTM4JP1xxxxxxx".getBytes()))
                .hasMessage("weights.int8 does not start with the magic bytes LSTM4JQ8");
        assertThatThrownBy(() -> Int8WeightsFormat.read(Arrays.copyOf(bytes, bytes.length + 3)))
                .hasMessage("weights.int8 has 3 bytes after its last tensor");
        assertThatThrownBy(() -> Int8WeightsFormat.read(Arrays.copyOf(bytes, 13))).hasMessageStartingWith("weights.int8 ");
        byte[] huge = bytes.clone();
        huge[11] = 127; // tensor count 127 in a few hundred bytes: refused before anything is allocated
        huge[10] = 127;
        assertThatThrownBy(() -> Int8WeightsFormat.read(huge)).hasMessageContaining("tensors in");
    }

    @Test
    void aMissingTensorIsNamed() {
        Int8Weights weights = Int8Weights.quantize(network(false));
        java.util.Map<String, Int8Weights.Tensor> fewer = new java.util.LinkedHashMap<>(weights.tensors());
        fewer.remove("head.bias");
        assertThatThrownBy(() -> new Int8Weights(fewer).dequantize()).hasMessage("missing tensor head.bias");
    }

    /** Asserts that {@code back} is {@code original} within half of its row's step, the step set by both matrices' row. */
    private static void assertWithinHalfStep(Matrix original, Matrix sibling, Matrix back) {
        for (int r = 0; r < original.rows(); r++) {
            double max = 0;
            for (int c = 0; c < original.columns(); c++) {
                max = Math.max(max, Math.abs(original.get(r, c)));
            }
            if (sibling != null) {
                for (int c = 0; c < sibling.columns(); c++) {
                    max = Math.max(max, Math.abs(sibling.get(r, c)));
                }
            }
            double step = (float) (max / 127);
            for (int c = 0; c < original.columns(); c++) {
                assertThat(Math.abs(back.get(r, c) - original.get(r, c))).isLessThanOrEqualTo(step / 2 * (1 + 1e-6));
            }
        }
    }

    private NetworkWeights network(boolean bidirectional) {
        List<NetworkWeights.Layer> layers = List.of(layer(3, 5, bidirectional), layer(bidirectional ? 10 : 5, 5, bidirectional));
        int features = bidirectional ? 10 : 5;
        return new NetworkWeights(layers, null,
                new NetworkWeights.BatchNorm(values(features), values(features), values(features), positive(features), 1e-5),
                new Dense(matrix(2, features), values(2)));
    }

    private NetworkWeights.Layer layer(int in, int h, boolean bidirectional) {
        return new NetworkWeights.Layer(lstm(in, h), bidirectional ? lstm(in, h) : null);
    }

    private Lstm lstm(int in, int h) {
        return new Lstm(matrix(4 * h, in), matrix(4 * h, h), values(4 * h));
    }

    private Matrix matrix(int rows, int columns) {
        return new Matrix(rows, columns, values(rows * columns));
    }

    private double[] values(int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian() * (1 + i % 3);
        }
        return values;
    }

    private double[] positive(int n) {
        double[] values = values(n);
        for (int i = 0; i < n; i++) {
            values[i] = Math.abs(values[i]) + 0.1;
        }
        return values;
    }
}
