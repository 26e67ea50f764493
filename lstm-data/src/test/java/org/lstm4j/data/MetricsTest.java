package org.lstm4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final double TOLERANCE = 1e-12;
    private static final double[][] ACTUAL = {{1, 2}, {4, 0}};
    private static final double[][] PREDICTED = {{2, 2}, {2, 1}};

    @Test
    void computesEveryErrorOverAllSamplesAndSteps() {
        Metrics metrics = Metrics.of(ACTUAL, PREDICTED);

        // errors 1, 0, 2, 1
        assertThat(metrics.mse()).isCloseTo(1.5, within(TOLERANCE));
        assertThat(metrics.rmse()).isCloseTo(Math.sqrt(1.5), within(TOLERANCE));
        assertThat(metrics.mae()).isCloseTo(1.0, within(TOLERANCE));
        // non-zero actuals 1, 2, 4: 100%, 0%, 50%
        assertThat(metrics.mape()).isCloseTo(50.0, within(TOLERANCE));
        // 200*1/3, 0, 200*2/6, 200*1/1
        assertThat(metrics.smape()).isCloseTo((200.0 / 3 + 0 + 200.0 / 3 + 200) / 4, within(TOLERANCE));
    }

    @Test
    void perStepComputesEachHorizonStepAlone() {
        Metrics[] steps = Metrics.perStep(ACTUAL, PREDICTED);

        assertThat(steps).hasSize(2);
        assertThat(steps[0].mse()).isCloseTo(2.5, within(TOLERANCE));
        assertThat(steps[0].mae()).isCloseTo(1.5, within(TOLERANCE));
        assertThat(steps[0].mape()).isCloseTo(75.0, within(TOLERANCE));
        assertThat(steps[0].smape()).isCloseTo(200.0 / 3, within(TOLERANCE));
        assertThat(steps[1].mse()).isCloseTo(0.5, within(TOLERANCE));
        assertThat(steps[1].mae()).isCloseTo(0.5, within(TOLERANCE));
        assertThat(steps[1].mape()).isCloseTo(0.0, within(TOLERANCE));
        assertThat(steps[1].smape()).isCloseTo(100.0, within(TOLERANCE));
    }

    @Test
    void percentagesWithoutAnyUsableTermAreNaN() {
        Metrics allZero = Metrics.of(new double[][] {{0, 0}}, new double[][] {{0, 3}});
        Metrics perfectZero = Metrics.of(new double[][] {{0}}, new double[][] {{0}});

        assertThat(allZero.mape()).isNaN();
        assertThat(allZero.smape()).isCloseTo(200.0, within(TOLERANCE));  // (0, 0) skipped; only the (0, 3) term: 200
        assertThat(allZero.mse()).isCloseTo(4.5, within(TOLERANCE));
        assertThat(perfectZero.smape()).isNaN();
        assertThat(perfectZero.mse()).isZero();
    }

    @Test
    void mismatchedOrEmptyInputIsRefused() {
        assertThatThrownBy(() -> Metrics.of(new double[][] {{1}}, new double[][] {{1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.of(new double[][] {{1, 2}}, new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.of(new double[0][], new double[0][]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.perStep(new double[][] {{}}, new double[][] {{}}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
