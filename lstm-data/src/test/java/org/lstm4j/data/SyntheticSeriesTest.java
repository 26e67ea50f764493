package org.lstm4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.SourceSpec.Synthetic;
import org.lstm4j.api.SourceSpec.SyntheticFunction;

class SyntheticSeriesTest {

    @Test
    void theSeedsSineHas629SamplesLikeNumpyArange() {
        Series series = SyntheticSeries.generate(Synthetic.sine(), 42);

        assertThat(series.length()).isEqualTo(629);
        assertThat(series.columns()).containsExactly(SourceSpec.Synthetic.COLUMN);
        double[] values = series.column("value");
        assertThat(values[0]).isEqualTo(0.0);
        assertThat(values[16]).isEqualTo(Math.sin(16 * 0.1)).isCloseTo(0.9995736030415051, within(1e-15));
        assertThat(values[628]).isEqualTo(Math.sin(628 * 0.1));
        assertThat(series.timeLabels().get(0)).isEqualTo("0.0");
        assertThat(series.timeLabels().get(628)).isEqualTo("62.800000000000004");
    }

    @Test
    void countsEverySampleBelowEndComputedByMultiplication() {
        assertThat(SyntheticSeries.sampleCount(0, 1, 0.25)).isEqualTo(4);     // 0, .25, .5, .75
        assertThat(SyntheticSeries.sampleCount(0, 0.3, 0.1)).isEqualTo(3);    // 3 * 0.1 = 0.30000000000000004
        assertThat(SyntheticSeries.sampleCount(1, 1.3, 0.1)).isEqualTo(3);    // 1 + 3 * 0.1 = 1.3000000000000003
        assertThat(SyntheticSeries.sampleCount(-1, 1, 2)).isEqualTo(1);
    }

    @Test
    void noiseIsSeededGaussianAddedToTheFunction() {
        Synthetic noisy = new Synthetic(SyntheticFunction.SINE, 0, 2, 0.5, 0.3);

        double[] values = SyntheticSeries.generate(noisy, 7).column("value");

        Random expected = new Random(7);
        assertThat(values).hasSize(4);
        for (int i = 0; i < values.length; i++) {
            assertThat(values[i]).isEqualTo(Math.sin(i * 0.5) + 0.3 * expected.nextGaussian());
        }
        assertThat(SyntheticSeries.generate(noisy, 7).column("value")).containsExactly(values);
        assertThat(SyntheticSeries.generate(noisy, 8).column("value")).isNotEqualTo(values);
    }

    @Test
    void aStepFarTooSmallIsRefused() {
        Synthetic huge = new Synthetic(SyntheticFunction.SINE, 0, 1e9, 1e-3, 0);

        assertThatThrownBy(() -> SyntheticSeries.generate(huge, 1))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("more than " + SyntheticSeries.MAX_SAMPLES);
    }
}
