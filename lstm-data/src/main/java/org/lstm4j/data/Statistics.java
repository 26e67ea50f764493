package org.lstm4j.data;

import java.util.Arrays;

/** Summary statistics of a range of values, as numpy computes them. */
final class Statistics {
    private Statistics() {}

    /** The arithmetic mean of {@code values[from, to)}. */
    static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    /** The population standard deviation (ddof = 0) of {@code values[from, to)}. */
    static double populationStd(double[] values, int from, int to) {
        double mean = mean(values, from, to);
        double squares = 0;
        for (int i = from; i < to; i++) {
            double deviation = values[i] - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / (to - from));
    }

    /** The smallest of {@code values[from, to)}. */
    static double min(double[] values, int from, int to) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            min = Math.min(min, values[i]);
        }
        return min;
    }

    /** The largest of {@code values[from, to)}. */
    static double max(double[] values, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    /**
     * Percentiles of {@code values[from, to)} with linear interpolation between order statistics
     * (numpy's default {@code method='linear'}).
     *
     * @param percents each in [0, 100]
     */
    static double[] percentiles(double[] values, int from, int to, double... percents) {
        double[] sorted = Arrays.copyOfRange(values, from, to);
        Arrays.sort(sorted);
        double[] result = new double[percents.length];
        for (int p = 0; p < percents.length; p++) {
            double position = percents[p] / 100.0 * (sorted.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, sorted.length - 1);
            double fraction = position - below;
            result[p] = sorted[below] + (sorted[above] - sorted[below]) * fraction;
        }
        return result;
    }
}
