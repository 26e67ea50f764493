package org.lstm4j.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

/** Compares learning rates up to rounding (0.1 * 0.1 is not 0.01 in binary). */
final class Rates {
    private Rates() {}

    static void assertRates(List<Double> actual, double... expected) {
        assertThat(actual).as("rates " + actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i)).as("epoch %d of %s", i + 1, actual)
                    .isCloseTo(expected[i], within(Math.abs(expected[i]) * 1e-12 + 1e-15));
        }
    }

    static double[] repeat(double value, int times) {
        double[] out = new double[times];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
