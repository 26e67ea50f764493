package org.lstm4j.data;

import java.util.Arrays;

/** Forecasts a model has to beat, on the same samples and in the units of the data. */
public final class Baselines {
    private Baselines() {}

    /**
     * The naive forecast: every horizon step repeats the sample's last observed value.
     *
     * @param windows        the samples
     * @param targetOriginal the target column in the units of the data, one value per row of the series
     * @return {@code [sample][step]}
     * @throws IllegalArgumentException when {@code targetOriginal} is shorter than the samples need
     */
    public static double[][] naive(WindowedDataset windows, double[] targetOriginal) {
        double[][] forecasts = new double[windows.size()][windows.horizon()];
        for (int s = 0; s < windows.size(); s++) {
            int lastObserved = windows.lastInputRow(s);
            if (lastObserved >= targetOriginal.length) {
                throw new IllegalArgumentException("sample " + s + " needs row " + lastObserved + " of the target, which has "
                        + targetOriginal.length + " rows");
            }
            Arrays.fill(forecasts[s], targetOriginal[lastObserved]);
        }
        return forecasts;
    }

    /**
     * The seasonal naive forecast: step {@code h} (1-based) repeats the value one season before it,
     * {@code y[L + h - m * ceil(h / m)]} where {@code L} is the sample's last observed row; it never looks
     * past {@code L}. Where that row lies before the series starts, the last observed value is used.
     *
     * @param windows        the samples
     * @param targetOriginal the target column in the units of the data
     * @param seasonLength   {@code m}, at least 1 (1 is the naive forecast)
     * @return {@code [sample][step]}
     */
    public static double[][] seasonalNaive(WindowedDataset windows, double[] targetOriginal, int seasonLength) {
        if (seasonLength < 1) {
            throw new IllegalArgumentException("season length must be >= 1, was " + seasonLength);
        }
        double[][] forecasts = new double[windows.size()][windows.horizon()];
        for (int s = 0; s < windows.size(); s++) {
            int last = windows.lastInputRow(s);
            for (int step = 1; step <= windows.horizon(); step++) {
                int seasonsBack = (step + seasonLength - 1) / seasonLength;
                int row = last + step - seasonLength * seasonsBack;
                forecasts[s][step - 1] = targetOriginal[row >= 0 ? row : last];
            }
        }
        return forecasts;
    }
}
