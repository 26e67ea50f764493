package org.lstm4j.core;

/**
 * Forecasts for a run of windows, in the data's own units.
 *
 * @param labels    time label (or row index) of each sample's first forecast step
 * @param actual    {@code [sample][step]} observed values
 * @param predicted {@code [sample][step]} the model's forecasts
 * @param naive     {@code [sample][step]} the naive baseline (last observed value)
 */
public record Forecast(String[] labels, double[][] actual, double[][] predicted, double[][] naive) {

    /** Number of samples. */
    public int size() {
        return labels.length;
    }
}
