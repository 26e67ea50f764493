package org.lstm4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MissingValuesTest {
    private static final double NA = Double.NaN;

    @Test
    void interpolateFillsInnerGapsLinearlyAndEdgesWithTheNearestValue() {
        double[] values = {NA, 2, NA, NA, 8, NA};

        assertThat(MissingValues.interpolate(values)).containsExactly(2, 2, 4, 6, 8, 8);
        assertThat(values[0]).as("input untouched").isNaN();
    }

    @Test
    void forwardFillCarriesTheLastValueAndALeadingGapTakesTheFirst() {
        double[] values = {NA, 2, NA, NA, 8, NA};

        assertThat(MissingValues.forwardFill(values)).containsExactly(2, 2, 2, 2, 8, 8);
        assertThat(values[2]).as("input untouched").isNaN();
    }

    @Test
    void aColumnWithoutGapsIsReturnedAsIs() {
        assertThat(MissingValues.interpolate(new double[] {1, -1})).containsExactly(1, -1);
        assertThat(MissingValues.forwardFill(new double[] {1, -1})).containsExactly(1, -1);
        assertThat(MissingValues.interpolate(new double[0])).isEmpty();
    }

    @Test
    void anAllMissingColumnIsRefused() {
        assertThatThrownBy(() -> MissingValues.interpolate(new double[] {NA, NA}))
                .isInstanceOf(DataException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> MissingValues.forwardFill(new double[] {NA}))
                .isInstanceOf(DataException.class).hasMessageContaining("missing");
    }
}
