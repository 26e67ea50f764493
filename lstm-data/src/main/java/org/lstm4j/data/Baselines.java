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
}
