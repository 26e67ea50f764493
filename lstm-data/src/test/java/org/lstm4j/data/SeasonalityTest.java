package org.lstm4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lstm4j.api.SplitSpec;

class SeasonalityTest {
    @Test
    void detectsThePeriodOfASeasonalSeries() {
        double[] weekly = new double[140];
        for (int i = 0; i < weekly.length; i++) {
            weekly[i] = Math.sin(2 * Math.PI * i / 7) + 0.01 * i;
        }
        assertThat(Seasonality.detect(weekly, 0, weekly.length)).isEqualTo(7);
        double[] sine = new double[629];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = Math.sin(i * 0.1);
        }
        assertThat(Seasonality.detect(sine, 0, 503)).isEqualTo(63);
    }

    @Test
    void aSeriesWithoutSeasonHasLengthOne() {
        double[] trend = new double[100];
        for (int i = 0; i < trend.length; i++) {
            trend[i] = i;
        }
        assertThat(Seasonality.detect(trend, 0, 100)).isEqualTo(1);
        assertThat(Seasonality.detect(new double[50], 0, 50)).isEqualTo(1);
    }

    @Test
    void onlyTheGivenPartIsRead() {
        double[] values = new double[60];
        for (int i = 0; i < 40; i++) {
            values[i] = i % 4 == 0 ? 1 : 0;
        }
        int before = Seasonality.detect(values, 0, 40);
        for (int i = 40; i < 60; i++) {
            values[i] = 1000 * Math.random();
        }
        assertThat(Seasonality.detect(values, 0, 40)).isEqualTo(before).isEqualTo(4);
    }

    @Test
    void maseScaleIsTheInSampleSeasonalNaiveError() {
        double[] values = {1, 3, 2, 5, 4, 9};
        // m = 1 over [0, 4): |3-1| + |2-3| + |5-2| = 6, 3 terms
        assertThat(Seasonality.maseScale(values, 0, 4, 1)).isEqualTo(2.0);
        // m = 2 over [0, 6): |2-1| + |5-3| + |4-2| + |9-5| = 9, 4 terms
        assertThat(Seasonality.maseScale(values, 0, 6, 2)).isCloseTo(2.25, within(1e-12));
        assertThat(Seasonality.maseScale(values, 0, 2, 2)).isNaN();
    }

    @Test
    void seasonalNaiveRepeatsTheValueOneSeasonBeforeEachStep() {
        double[] series = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
        float[][] scaled = new float[1][series.length];
        ChronologicalSplit split = ChronologicalSplit.of(series.length, new SplitSpec(0.5, 0.2, 0.3));
        // window 3, horizon 4: test part [7, 10) has no sample; use the whole series as one part instead
        WindowedDataset windows = WindowedDataset.over(scaled, new int[] {0}, 0, 3, 4, 1, new ChronologicalSplit.Part(0, 10));
        assertThat(split.test().from()).isEqualTo(7);
        double[][] forecast = Baselines.seasonalNaive(windows, series, 3);
        // sample 0: inputs rows 0..2 (last observed row 2), steps 1..4 -> rows 2+1-3=0, 1, 2, then 2+4-6=0
        assertThat(forecast[0]).containsExactly(10, 11, 12, 10);
        assertThat(Baselines.seasonalNaive(windows, series, 1)).isDeepEqualTo(Baselines.naive(windows, series));
    }
}
