package org.lstm4j.dl4j;

import org.lstm4j.api.WindowedData;

/**
 * Test data: {@code features} phase-shifted sine waves of period 25 steps (times {@code scale}); a sample is
 * {@code window} steps of all features, its targets the next {@code horizon} values of feature 0.
 * Samples {@code [first, first + size)} of the series; read on demand like the real windowed data.
 */
public final class SineWindows implements WindowedData {
    private final double[][] series; // [feature][t]
    private final int window;
    private final int horizon;
    private final int first;
    private final int size;

    private SineWindows(double[][] series, int window, int horizon, int first, int size) {
        this.series = series;
        this.window = window;
        this.horizon = horizon;
        this.first = first;
        this.size = size;
    }

    /** Every window of a series of {@code points} steps. */
    public static SineWindows of(int points, int window, int horizon, int features, double scale) {
        double[][] series = new double[features][points];
        for (int f = 0; f < features; f++) {
            for (int t = 0; t < points; t++) {
                series[f][t] = scale * Math.sin(2 * Math.PI * t / 25.0 + 0.7 * f);
            }
        }
        return new SineWindows(series, window, horizon, 0, points - window - horizon + 1);
    }

    /**
     * Like {@link #of(int, int, int, int, double)} (scale 1) plus Gaussian noise of standard deviation {@code noise} on
     * every value, drawn from {@code java.util.Random(seed)}: what a model must beat the naive forecast on.
     */
    public static SineWindows noisy(int points, int window, int horizon, int features, double noise, long seed) {
        SineWindows clean = of(points, window, horizon, features, 1.0);
        java.util.Random random = new java.util.Random(seed);
        for (double[] column : clean.series) {
            for (int t = 0; t < column.length; t++) {
                column[t] += noise * random.nextGaussian();
            }
        }
        return clean;
    }

    public static SineWindows of(int points, int window, int horizon) {
        return of(points, window, horizon, 1, 1.0);
    }

    /** Samples {@code [from, to)} of these. */
    public SineWindows range(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IllegalArgumentException(from + ".." + to + " outside 0.." + size);
        }
        return new SineWindows(series, window, horizon, first + from, to - from);
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
        return series.length;
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public void copyInputs(int sample, float[] destination, int offset) {
        int start = first + checked(sample);
        int features = series.length;
        for (int t = 0; t < window; t++) {
            for (int f = 0; f < features; f++) {
                destination[offset + t * features + f] = (float) series[f][start + t];
            }
        }
    }

    @Override
    public void copyTargets(int sample, float[] destination, int offset) {
        int start = first + checked(sample) + window;
        for (int h = 0; h < horizon; h++) {
            destination[offset + h] = (float) series[0][start + h];
        }
    }

    /** The target {@code h} of a sample, as the network sees it (float). */
    public double target(int sample, int h) {
        return (float) series[0][first + sample + window + h];
    }

    /** The mean squared error of {@code predicted} against the targets, over every sample and horizon step. */
    public double mse(double[][] predicted) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            for (int h = 0; h < horizon; h++) {
                double d = predicted[i][h] - target(i, h);
                sum += d * d;
            }
        }
        return sum / ((double) size * horizon);
    }

    /** The mean squared error of the naive forecast: every horizon step repeats the last input value of feature 0. */
    public double naiveMse() {
        double[][] naive = new double[size][horizon];
        for (int i = 0; i < size; i++) {
            java.util.Arrays.fill(naive[i], lastValue(i));
        }
        return mse(naive);
    }

    /** The last input value of feature 0: the naive forecast. */
    public double lastValue(int sample) {
        return (float) series[0][first + sample + window - 1];
    }

    private int checked(int sample) {
        if (sample < 0 || sample >= size) {
            throw new IndexOutOfBoundsException("sample " + sample + " outside 0.." + size);
        }
        return sample;
    }
}
