package org.lstm4j.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * Chronological fractions of the time steps. A window of a later part may look back into an
 * earlier one, never ahead.
 *
 * @param train      first part, used for fitting (model and scaler)
 * @param validation second part, for validation loss; may be 0
 * @param test       last part, for the reported metrics
 *
 * <p>The three always sum to 1, so each {@code withX} also moves another fraction: train takes up the change of
 * validation or test, and a new train fraction is taken from validation and test in proportion.
 */
public record SplitSpec(
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double train,
        @DecimalMin("0") @DecimalMax("1") double validation,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double test) {

    /** Tolerance of the sum-to-one check. */
    public static final double SUM_TOLERANCE = 1e-6;

    public SplitSpec {
        SpecChecks.require(SplitSpec.class, train, validation, test);
        if (Math.abs(train + validation + test - 1.0) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("train + validation + test must be 1, was " + (train + validation + test));
        }
    }

    /** 70 / 15 / 15. */
    public static SplitSpec defaults() {
        return new SplitSpec(0.7, 0.15, 0.15);
    }

    /**
     * These fractions with {@code value} for training; validation and test share the rest in their current
     * proportion ({@code defaults().withTrain(0.8)} is 0.8 / 0.1 / 0.1).
     */
    public SplitSpec withTrain(double value) {
        double rest = 1.0 - value;
        double held = validation + test;
        return new SplitSpec(value, rest * validation / held, rest * test / held);
    }

    /** These fractions with {@code value} for validation; test is kept and train takes the rest. */
    public SplitSpec withValidation(double value) {
        return new SplitSpec(1.0 - value - test, value, test);
    }

    /** These fractions with {@code value} for test; validation is kept and train takes the rest. */
    public SplitSpec withTest(double value) {
        return new SplitSpec(1.0 - validation - value, validation, value);
    }
}
