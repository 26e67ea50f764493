package org.lstm4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BaselinesTest {
    private static final double[] ORIGINAL = {10, 12, 15, 11, 13, 17, 20, 18, 16, 14};

    private static float[][] scaledByTen() {
        float[] scaled = new float[ORIGINAL.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = (float) (ORIGINAL[i] / 10);
        }
        return new float[][] {scaled};
    }

    @Test
    void naiveRepeatsTheLastObservedValueInOriginalUnits() {
        // window 3, horizon 2, stride 2, part [5, 10): samples start at rows 2 and 4
        WindowedDataset windows = WindowedDataset.over(scaledByTen(), new int[] {0}, 0, 3, 2, 2,
                new ChronologicalSplit.Part(5, 10));

        double[][] naive = Baselines.naive(windows, ORIGINAL);

        assertThat(naive).hasDimensions(2, 2);
        assertThat(naive[0]).containsExactly(13, 13);   // row 4
        assertThat(naive[1]).containsExactly(20, 20);   // row 6
    }

    @Test
    void naiveMetricsAgainstTheTargetsMatchAHandComputation() {
        WindowedDataset windows = WindowedDataset.over(scaledByTen(), new int[] {0}, 0, 3, 2, 2,
                new ChronologicalSplit.Part(5, 10));
        double[][] actual = {{17, 20}, {18, 16}};   // rows 5, 6 and 7, 8

        Metrics metrics = Metrics.of(actual, Baselines.naive(windows, ORIGINAL));

        // errors 4, 7, 2, 4
        assertThat(metrics.mae()).isCloseTo(17.0 / 4, within(1e-12));
        assertThat(metrics.mse()).isCloseTo(85.0 / 4, within(1e-12));
    }
}
