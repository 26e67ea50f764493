package org.lstm4j.dl4j.internal;

import org.lstm4j.api.WindowedData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies one batch of samples at a time from {@link WindowedData} into ND4J arrays: inputs
 * {@code [batch, window, features]} (NWC, the time-major layout {@link WindowedData#copyInputs} writes), targets
 * {@code [batch, horizon]}. The float buffers are reused between batches of the same size, so memory stays
 * O(batch x window x features) whatever the data set's size. Not thread-safe: one instance per loop.
 */
final class Batches {
    private final WindowedData data;
    private final int inputsPerSample;
    private final int targetsPerSample;
    private final BufferPair inputBuffers = new BufferPair();
    private final BufferPair targetBuffers = new BufferPair();

    Batches(WindowedData data) {
        this.data = data;
        this.inputsPerSample = Math.multiplyExact(data.window(), data.features());
        this.targetsPerSample = data.horizon();
    }

    /** Inputs of samples {@code order[from..to)} ({@code order} null: samples {@code from..to}). */
    INDArray inputs(int[] order, int from, int to) {
        int size = to - from;
        float[] buffer = inputBuffers.get(Math.multiplyExact(size, inputsPerSample));
        for (int i = 0; i < size; i++) {
            data.copyInputs(sample(order, from + i), buffer, i * inputsPerSample);
        }
        return Nd4j.create(buffer, new long[] {size, data.window(), data.features()}, DataType.FLOAT);
    }

    /** Targets of samples {@code order[from..to)} ({@code order} null: samples {@code from..to}). */
    INDArray targets(int[] order, int from, int to) {
        int size = to - from;
        float[] buffer = targetBuffers.get(Math.multiplyExact(size, targetsPerSample));
        for (int i = 0; i < size; i++) {
            data.copyTargets(sample(order, from + i), buffer, i * targetsPerSample);
        }
        return Nd4j.create(buffer, new long[] {size, targetsPerSample}, DataType.FLOAT);
    }

    DataSet dataSet(int[] order, int from, int to) {
        return new DataSet(inputs(order, from, to), targets(order, from, to));
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
