package org.lstm4j.core;

import java.util.Arrays;
import org.lstm4j.api.WindowedData;

/**
 * Windows held in one flat array, time-major within each window ({@code [w][t][f]}), without targets: what a
 * server hands a model after it has scaled the windows of many requests into one batch.
 */
public final class FlatWindows implements WindowedData {
    private final float[] inputs;
    private final int size;
    private final int window;
    private final int features;
    private final int horizon;

    /**
     * @param inputs   {@code size * window * features} scaled values; not copied
     * @param size     number of windows
     * @param window   steps per window
     * @param features values per step
     * @param horizon  the model's horizon (targets are reported as zeros)
     */
    public FlatWindows(float[] inputs, int size, int window, int features, int horizon) {
        if (size < 0 || (long) size * window * features > inputs.length) {
            throw new IllegalArgumentException(size + " windows of " + window + " x " + features + " need "
                    + (long) size * window * features + " values, the array has " + inputs.length);
        }
        this.inputs = inputs;
        this.size = size;
        this.window = window;
        this.features = features;
        this.horizon = horizon;
    }

    @Override
    public int size() {
        return size;
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
        return horizon;
    }

    @Override
    public void copyInputs(int sample, float[] destination, int offset) {
        int length = window * features;
        System.arraycopy(inputs, sample * length, destination, offset, length);
    }

    /** There is nothing to compare with: zeros. */
    @Override
    public void copyTargets(int sample, float[] destination, int offset) {
        Arrays.fill(destination, offset, offset + horizon, 0f);
    }
}
