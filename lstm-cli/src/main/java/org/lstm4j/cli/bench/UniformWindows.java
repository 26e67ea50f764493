package org.lstm4j.cli.bench;

import java.util.Random;
import org.lstm4j.api.WindowedData;

/**
 * Inputs for the inference workloads: windows of seeded uniform [0, 1) values ({@code torch.rand} in
 * {@code torch_bench.py}), target 0 (predict() never reads targets).
 */
public final class UniformWindows implements WindowedData {
    private final int samples;
    private final int window;
    private final int features;
    private final float[] values;

    public UniformWindows(int samples, int window, int features, long seed) {
        if (samples < 1 || window < 1 || features < 1) {
            throw new IllegalArgumentException("samples, window and features must be >= 1");
        }
        this.samples = samples;
        this.window = window;
        this.features = features;
        this.values = new float[Math.multiplyExact(Math.multiplyExact(samples, window), features)];
        Random random = new Random(seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
    }

    @Override
    public int size() {
        return samples;
    }

    @Override
    public int window() {
        return window;
    }

    @Override
    public int features() {
        return features;
    }

    @Override
    public int horizon() {
        return 1;
    }

    @Override
    public void copyInputs(int sample, float[] destination, int offset) {
        int length = window * features;
        System.arraycopy(values, sample * length, destination, offset, length);
    }

    @Override
    public void copyTargets(int sample, float[] destination, int offset) {
        destination[offset] = 0f;
    }
}
