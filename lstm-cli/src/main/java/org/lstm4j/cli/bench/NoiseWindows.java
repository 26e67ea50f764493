package org.lstm4j.cli.bench;

import java.util.Random;
import org.lstm4j.api.WindowedData;

/**
 * The {@code large} workload's data: {@code samples} windows of seeded Gaussian noise ({@code java.util.Random},
 * so not the same numbers as PyTorch's generator, the same distribution), each with one target: the mean of feature
 * 0 over the window's last {@value #TARGET_STEPS} steps ({@code x[:, -8:, 0].mean(1)} in {@code torch_bench.py}).
 * Stores the {@code samples x window x features} values once (the shape needs them all) and computes targets on
 * demand.
 */
public final class NoiseWindows implements WindowedData {
    /** Steps averaged into the target. */
    public static final int TARGET_STEPS = 8;

    private final int samples;
    private final int window;
    private final int features;
    private final float[] values;

    /**
     * @param samples  windows
     * @param window   time steps per window (at least {@value #TARGET_STEPS})
     * @param features values per step
     * @param seed     seed of the noise
     */
    public NoiseWindows(int samples, int window, int features, long seed) {
        if (samples < 1 || window < TARGET_STEPS || features < 1) {
            throw new IllegalArgumentException("need samples >= 1, window >= " + TARGET_STEPS + ", features >= 1");
        }
        this.samples = samples;
        this.window = window;
        this.features = features;
        this.values = new float[Math.multiplyExact(Math.multiplyExact(samples, window), features)];
        Random random = new Random(seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
    }

    /** Value of feature {@code feature} at step {@code t} of window {@code sample}. */
    float value(int sample, int t, int feature) {
        return values[(sample * window + t) * features + feature];
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
        double sum = 0;
        for (int t = window - TARGET_STEPS; t < window; t++) {
            sum += value(sample, t, 0);
        }
        destination[offset] = (float) (sum / TARGET_STEPS);
    }
}
