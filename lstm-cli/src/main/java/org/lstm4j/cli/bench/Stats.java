package org.lstm4j.cli.bench;

import java.util.Arrays;

/** Medians, as {@code numpy.median} computes them. */
final class Stats {
    private Stats() {}

    /** The median of {@code values[from..]}: the mean of the two middle values for an even count. */
    static double median(double[] values, int from) {
        if (from >= values.length) {
            throw new IllegalArgumentException("no values from index " + from + " of " + values.length);
        }
        double[] sorted = Arrays.copyOfRange(values, from, values.length);
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
