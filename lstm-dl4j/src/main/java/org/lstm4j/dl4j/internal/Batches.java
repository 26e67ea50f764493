package org.lstm4j.dl4j.internal;

import org.lstm4j.api.WindowedData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies one batch of samples at a time from {@link WindowedData} into ND4J arrays of the network's data type:
 * inputs {@code [batch, features, window]} (NCW: DL4J's graph vertices that reverse a series or take its last step
 * work on NCW only), targets {@code [batch, horizon]}. The float buffers are reused between batches of the same
 * size, so memory stays O(batch x window x features) whatever the data set's size. Not thread-safe: one instance per
 * loop.
 */
final class Batches {
    private final WindowedData data;
    private final DataType dataType;
    private final int window;
    private final int features;
    private final int inputsPerSample;
    private final int targetsPerSample;
    private final float[] sample;
    private final BufferPair inputBuffers = new BufferPair();
    private final BufferPair targetBuffers = new BufferPair();

    /** Batches in float32. */
    Batches(WindowedData data) {
        this(data, DataType.FLOAT);
    }

    Batches(WindowedData data, DataType dataType) {
        this.data = data;
        this.dataType = dataType;
        this.window = data.window();
        this.features = data.features();
        this.inputsPerSample = Math.multiplyExact(window, features);
        this.targetsPerSample = data.horizon();
        this.sample = new float[inputsPerSample];
    }

    /** Inputs {@code [n, features, window]} of samples {@code order[from..to)} ({@code order} null: samples {@code from..to}). */
    INDArray inputs(int[] order, int from, int to) {
        int size = to - from;
        float[] buffer = inputBuffers.get(Math.multiplyExact(size, inputsPerSample));
        for (int i = 0; i < size; i++) {
            data.copyInputs(sample(order, from + i), sample, 0); // time-major: [t * features + f]
            int base = i * inputsPerSample;
            for (int t = 0; t < window; t++) {
                for (int f = 0; f < features; f++) {
                    buffer[base + f * window + t] = sample[t * features + f];
                }
            }
        }
        return typed(Nd4j.create(buffer, new long[] {size, features, window}, DataType.FLOAT));
    }

    /** Targets of samples {@code order[from..to)} ({@code order} null: samples {@code from..to}). */
    INDArray targets(int[] order, int from, int to) {
        int size = to - from;
        float[] buffer = targetBuffers.get(Math.multiplyExact(size, targetsPerSample));
        for (int i = 0; i < size; i++) {
            data.copyTargets(sample(order, from + i), buffer, i * targetsPerSample);
        }
        return typed(Nd4j.create(buffer, new long[] {size, targetsPerSample}, DataType.FLOAT));
    }

    DataSet dataSet(int[] order, int from, int to) {
        return new DataSet(inputs(order, from, to), targets(order, from, to));
    }

    private INDArray typed(INDArray floats) {
        return dataType == DataType.FLOAT ? floats : floats.castTo(dataType);
    }

    private static int sample(int[] order, int position) {
        return order == null ? position : order[position];
    }

    /** Holds arrays of the last two lengths asked for: the full batch and an epoch's shorter last batch. */
    private static final class BufferPair {
        private float[] recent = new float[0];
        private float[] older = new float[0];

        float[] get(int length) {
            if (recent.length != length) {
                float[] swap = older.length == length ? older : new float[length];
                older = recent;
                recent = swap;
            }
            return recent;
        }
    }
}
