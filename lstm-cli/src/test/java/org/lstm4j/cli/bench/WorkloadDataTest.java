package org.lstm4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The workloads' in-memory data: shapes and values as torch_bench.py builds them. */
class WorkloadDataTest {

    @Test
    void sineHas619WindowsOf10StepsCutFromTheMinMaxScaledSeries() {
        SineData data = SineData.seed();
        assertThat(data.size()).isEqualTo(619);
        assertThat(data.window()).isEqualTo(10);
        assertThat(data.features()).isEqualTo(1);
        assertThat(data.horizon()).isEqualTo(1);
        assertThat(data.series()).hasSize(629);

        // by hand: np.sin(np.arange(0, 20 * np.pi, 0.1)) has 629 points i * 0.1; scale with its min and max
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < 629; i++) {
            min = Math.min(min, Math.sin(i * 0.1));
            max = Math.max(max, Math.sin(i * 0.1));
        }
        float[] window = new float[12];
        data.copyInputs(37, window, 2);
        for (int t = 0; t < 10; t++) {
            assertThat(window[2 + t]).isEqualTo((float) ((Math.sin((37 + t) * 0.1) - min) / (max - min)));
        }
        float[] target = new float[1];
        data.copyTargets(37, target, 0);
        assertThat(target[0]).isEqualTo((float) ((Math.sin(47 * 0.1) - min) / (max - min)));
    }

    @Test
    void sineTargetsAreTheStepAfterEachWindowAndTheSeriesSpansZeroToOne() {
        SineData data = SineData.seed();
        float[] next = new float[10];
        float[] target = new float[1];
        for (int i = 0; i + 1 < data.size(); i++) {
            data.copyTargets(i, target, 0);
            data.copyInputs(i + 1, next, 0);
            assertThat(target[0]).isEqualTo(next[9]);
        }
        data.copyTargets(data.size() - 1, target, 0);
        float[] series = data.series();
        assertThat(target[0]).isEqualTo(series[628]);
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (float v : series) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertThat(lo).isZero();
        assertThat(hi).isEqualTo(1f);
    }

    @Test
    void largeTargetsAreTheMeanOfTheLastEightStepsOfFeatureZero() {
        NoiseWindows data = new NoiseWindows(12, 64, 8, 7);
        assertThat(data.size()).isEqualTo(12);
        assertThat(data.window()).isEqualTo(64);
        assertThat(data.features()).isEqualTo(8);
        assertThat(data.horizon()).isEqualTo(1);
        float[] inputs = new float[64 * 8];
        float[] target = new float[2];
        for (int i = 0; i < data.size(); i++) {
            data.copyInputs(i, inputs, 0);
            data.copyTargets(i, target, 1);
            double sum = 0;
            for (int t = 56; t < 64; t++) {
                sum += inputs[t * 8]; // time-major: [t * features + f], feature 0
            }
            assertThat((double) target[1]).isCloseTo(sum / 8, within(1e-6));
            assertThat(inputs[5 * 8 + 3]).isEqualTo(data.value(i, 5, 3));
        }
    }

    @Test
    void largeNoiseIsSeededGaussian() {
        NoiseWindows a = new NoiseWindows(256, 64, 8, 7);
        NoiseWindows b = new NoiseWindows(256, 64, 8, 7);
        float[] x = new float[64 * 8];
        float[] y = new float[64 * 8];
        a.copyInputs(100, x, 0);
        b.copyInputs(100, y, 0);
        assertThat(x).containsExactly(y);
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int i = 0; i < a.size(); i++) {
            a.copyInputs(i, x, 0);
            for (float v : x) {
                sum += v;
                squares += v * v;
                n++;
            }
        }
        double mean = sum / n;
        assertThat(mean).isCloseTo(0, within(0.02));
        assertThat(Math.sqrt(squares / n - mean * mean)).isCloseTo(1, within(0.02));
    }

    @Test
    void inferenceInputsAreUniformWindowsOfTheAskedShape() {
        UniformWindows data = new UniformWindows(1024, 64, 8, 42);
        assertThat(data.size()).isEqualTo(1024);
        assertThat(data.window()).isEqualTo(64);
        assertThat(data.features()).isEqualTo(8);
        assertThat(data.horizon()).isEqualTo(1);
        float[] x = new float[64 * 8];
        data.copyInputs(1023, x, 0);
        for (float v : x) {
            assertThat(v).isBetween(0f, 1f).isNotEqualTo(1f);
        }
    }
}
