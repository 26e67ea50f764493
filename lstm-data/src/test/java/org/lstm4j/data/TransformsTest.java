package org.lstm4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.DataSpec.Transform;

class TransformsTest {
    private static final Series SERIES = new Series(List.of("a", "b"),
            new double[][] {{1, 3, 6, 10}, {2, 4, 8, 16}}, List.of("t0", "t1", "t2", "t3"));

    @Test
    void differenceTakesTheChangeFromThePreviousRow() {
        Series diff = Transforms.apply(Transform.DIFFERENCE, SERIES, List.of("a"));
        assertThat(diff.column("a")).containsExactly(Double.NaN, 2, 3, 4);
        assertThat(diff.column("b")).containsExactly(2, 4, 8, 16);
        assertThat(diff.timeLabels()).isEqualTo(SERIES.timeLabels());
        assertThat(Transforms.firstRow(Transform.DIFFERENCE)).isEqualTo(1);
    }

    @Test
    void differenceLevelsAreTheLastValuePlusTheRunningSum() {
        assertThat(Transforms.toLevels(Transform.DIFFERENCE, new double[] {2, -1, 0.5}, 10)).containsExactly(12, 11, 11.5);
    }

    @Test
    void logRoundTripsAndRefusesNonPositiveValues() {
        Series logged = Transforms.apply(Transform.LOG, SERIES, List.of("a", "b"));
        assertThat(logged.column("b")[3]).isCloseTo(Math.log(16), within(1e-15));
        assertThat(Transforms.toLevels(Transform.LOG, new double[] {Math.log(5)}, 0)[0]).isCloseTo(5, within(1e-12));
        Series withZero = new Series(List.of("a"), new double[][] {{1, 0, 2}}, null);
        assertThatThrownBy(() -> Transforms.apply(Transform.LOG, withZero, List.of("a")))
                .isInstanceOf(DataException.class).hasMessageContaining("column 'a' has 0.0 at row 2");
    }

    @Test
    void noneIsTheIdentity() {
        assertThat(Transforms.apply(Transform.NONE, SERIES, List.of("a"))).isSameAs(SERIES);
        assertThat(Transforms.toLevels(Transform.NONE, new double[] {1, 2}, 99)).containsExactly(1, 2);
    }
}
