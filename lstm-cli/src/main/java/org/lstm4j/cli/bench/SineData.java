package org.lstm4j.cli.bench;

import org.lstm4j.api.WindowedData;

/**
 * The seed's data, as {@code torch_bench.py sine} builds it: {@code sin(arange(0, 20*pi, 0.1))} (629 points),
 * min-max scaled to [0, 1] in double precision, then windows of {@value #WINDOW} steps of one feature, each with the
 * next value as its target: 619 samples. Holds only the 629-point series; windows are copied out on demand.
 */
public final class SineData implements WindowedData {
    /** Time steps per window. */
    public static final int WINDOW = 10;

    private final float[] series;

    private SineData(float[] series) {
        this.series = series;
    }

    /** The seed workload's 619 windows. */
    public static SineData seed() {
        double[] raw = sine();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : raw) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float[] scaled = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            scaled[i] = (float) ((raw[i] - min) / (max - min));
        }
        return new SineData(scaled);
    }

    /** {@code numpy.sin(numpy.arange(0, 20 * pi, 0.1))}: numpy fills {@code arange} as {@code start + i * step}. */
    static double[] sine() {
        int n = (int) Math.ceil(20 * Math.PI / 0.1);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.sin(i * 0.1);
        }
        return s;
    }

    /** The scaled series (a copy). */
    float[] series() {
        return series.clone();
    }

    @Override
    public int size() {
        return series.length - WINDOW;
    }

    @Override
    public int window() {
        return WINDOW;
    }

    @Override
    public int features() {
        return 1;
    }

    @Override
    public int horizon() {
        return 1;
    }

    @Override
    public void copyInputs(int sample, float[] destination, int offset) {
        System.arraycopy(series, sample, destination, offset, WINDOW);
    }

    @Override
    public void copyTargets(int sample, float[] destination, int offset) {
        destination[offset] = series[sample + WINDOW];
    }
}
