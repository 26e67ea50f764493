package org.lstm4j.cli.bench;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.lstm4j.api.WindowedData;

/**
 * Windows of seeded random values stored once as {@code samples x window x features} floats (the benchmark
 * shapes need them all); one target per window, defined by the subclass.
 */
abstract class RandomWindows implements WindowedData {
    private final int samples;
    private final int window;
    private final int features;
    private final float[] values;

    /**
     * @param draw the value drawn for each element from the seeded generator
     */
    RandomWindows(int samples, int window, int features, long seed, ToDoubleFunction<Random> draw) {
        if (samples < 1 || window < 1 || features < 1) {
            throw new IllegalArgumentException("samples, window and features must be >= 1");
        }
        this.samples = samples;
        this.window = window;
        this.features = features;
        this.values = new float[Math.multiplyExact(Math.multiplyExact(samples, window), features)];
        Random random = new Random(seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) draw.applyAsDouble(random);
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
}
