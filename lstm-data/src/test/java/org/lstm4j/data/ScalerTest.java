package org.lstm4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lstm4j.api.ScalerSpec;
import org.lstm4j.api.ScalerSpec.ScalerType;

class ScalerTest {
    /** The train part is rows 1..4: 2, 4, 6, 8. Rows 0 and 5 belong to other parts. */
    private static final double[] SERIES = {100, 2, 4, 6, 8, -50};
    private static final int FROM = 1;
    private static final int TO = 5;
    private static final double TOLERANCE = 1e-12;

    @Test
    void minMaxMapsTheTrainMinAndMaxToTheRange() {
        FittedScaler scaler = Scaler.fit(ScalerSpec.defaults(), SERIES, FROM, TO);

        assertThat(scaler.transform(2)).isEqualTo(0.0);
        assertThat(scaler.transform(8)).isEqualTo(1.0);
        assertThat(scaler.transform(5)).isEqualTo(0.5);
        assertThat(scaler.transform(100)).isCloseTo(98.0 / 6, within(TOLERANCE));
        assertThat(scaler.inverse(0.5)).isEqualTo(5.0);
    }

    @Test
    void minMaxHonoursACustomRange() {
        FittedScaler scaler = Scaler.fit(new ScalerSpec(ScalerType.MINMAX, List.of(-1.0, 1.0)), SERIES, FROM, TO);

        assertThat(scaler.transform(2)).isCloseTo(-1.0, within(TOLERANCE));
        assertThat(scaler.transform(8)).isCloseTo(1.0, within(TOLERANCE));
        assertThat(scaler.transform(3.5)).isCloseTo(-0.5, within(TOLERANCE));
        assertThat(scaler.inverse(0.0)).isCloseTo(5.0, within(TOLERANCE));
    }

    @Test
    void standardUsesTheMeanAndThePopulationStandardDeviation() {
        FittedScaler scaler = Scaler.fit(ScalerSpec.of(ScalerType.STANDARD), SERIES, FROM, TO);

        // mean 5, variance (9 + 1 + 1 + 9) / 4 = 5
        assertThat(scaler.offset()).isEqualTo(5.0);
        assertThat(scaler.scale()).isCloseTo(Math.sqrt(5), within(TOLERANCE));
        assertThat(scaler.transform(8)).isCloseTo(1.3416407864998738, within(TOLERANCE));
        assertThat(scaler.transform(5)).isEqualTo(0.0);
        assertThat(scaler.inverse(scaler.transform(7.25))).isCloseTo(7.25, within(TOLERANCE));
    }

    @Test
    void robustUsesTheMedianAndTheInterquartileRangeWithLinearPercentiles() {
        FittedScaler scaler = Scaler.fit(ScalerSpec.of(ScalerType.ROBUST), SERIES, FROM, TO);

        // sorted 2 4 6 8: median 5; 25th at position 0.75 -> 3.5; 75th at 2.25 -> 6.5; IQR 3
        assertThat(scaler.offset()).isEqualTo(5.0);
        assertThat(scaler.scale()).isEqualTo(3.0);
        assertThat(scaler.transform(8)).isEqualTo(1.0);
        assertThat(scaler.transform(2)).isEqualTo(-1.0);
    }

    @Test
    void noneIsTheIdentity() {
        FittedScaler scaler = Scaler.fit(ScalerSpec.of(ScalerType.NONE), SERIES, FROM, TO);

        assertThat(scaler).isEqualTo(FittedScaler.identity());
        assertThat(scaler.transform(100)).isEqualTo(100.0);
        assertThat(scaler.inverse(-3)).isEqualTo(-3.0);
    }

    @Test
    void aConstantTrainPartDoesNotDivideByZero() {
        double[] constant = {3, 3, 3};

        FittedScaler minMax = Scaler.fit(ScalerSpec.defaults(), constant, 0, 3);
        FittedScaler standard = Scaler.fit(ScalerSpec.of(ScalerType.STANDARD), constant, 0, 3);
        FittedScaler robust = Scaler.fit(ScalerSpec.of(ScalerType.ROBUST), constant, 0, 3);

        assertThat(minMax.transform(3)).isEqualTo(0.0);
        assertThat(minMax.transform(4)).isEqualTo(1.0);
        assertThat(standard.transform(3)).isEqualTo(0.0);
        assertThat(standard.transform(5)).isEqualTo(2.0);
        assertThat(robust.transform(5)).isEqualTo(2.0);
    }

    @ParameterizedTest
    @EnumSource(ScalerType.class)
    void valuesOutsideTheTrainPartChangeNothing(ScalerType type) {
        ScalerSpec spec = ScalerSpec.of(type);
        double[] other = SERIES.clone();
        other[0] = -1e6;
        other[5] = 1e9;

        assertThat(Scaler.fit(spec, other, FROM, TO)).isEqualTo(Scaler.fit(spec, SERIES, FROM, TO));
    }

    @ParameterizedTest
    @EnumSource(ScalerType.class)
    void valuesInsideTheTrainPartDoChangeTheFit(ScalerType type) {
        ScalerSpec spec = ScalerSpec.of(type);
        double[] other = SERIES.clone();
        other[1] = -20;

        FittedScaler changed = Scaler.fit(spec, other, FROM, TO);
        if (type == ScalerType.NONE) {
            assertThat(changed).isEqualTo(FittedScaler.identity());
        } else {
            assertThat(changed).isNotEqualTo(Scaler.fit(spec, SERIES, FROM, TO));
        }
    }

    @Test
    void transformsAndInvertsWholeArrays() {
        FittedScaler scaler = Scaler.fit(ScalerSpec.defaults(), SERIES, FROM, TO);

        assertThat(scaler.transform(new double[] {2, 5, 8})).containsExactly(0, 0.5, 1);
        assertThat(scaler.inverse(new double[] {0, 0.5, 1})).containsExactly(2, 5, 8);
        assertThat(scaler.transformToFloats(new double[] {2, 5, 8})).containsExactly(0f, 0.5f, 1f);
    }

    @Test
    void anEmptyOrNonFiniteTrainPartIsRefused() {
        assertThatThrownBy(() -> Scaler.fit(ScalerSpec.defaults(), SERIES, 2, 2))
                .isInstanceOf(DataException.class).hasMessageContaining("train part is empty");
        assertThatThrownBy(() -> Scaler.fit(ScalerSpec.defaults(), new double[] {1, Double.NaN}, 0, 2))
                .isInstanceOf(DataException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> Scaler.fit(ScalerSpec.defaults(), SERIES, 4, 7))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
