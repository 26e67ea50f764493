package org.lstm4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The fractions sum to 1, so each wither moves another fraction by the rule its javadoc states. */
class SplitSpecTest {

    @Test
    void aNewTrainFractionIsTakenFromValidationAndTestInProportion() {
        SplitSpec split = SplitSpec.defaults().withTrain(0.8);

        assertThat(split.train()).isEqualTo(0.8);
        assertThat(split.validation()).isCloseTo(0.1, within(1e-12));
        assertThat(split.test()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void validationAndTestKeepEachOtherAndTrainTakesTheRest() {
        SplitSpec split = SplitSpec.defaults().withValidation(0.1).withTest(0.2);

        assertThat(split.validation()).isEqualTo(0.1);
        assertThat(split.test()).isEqualTo(0.2);
        assertThat(split.train()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void heldOutPartsLeavingNoTrainPartFailNamingTrain() {
        assertThatThrownBy(() -> SplitSpec.defaults().withValidation(0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("train must be > 0");
    }
}
