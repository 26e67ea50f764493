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
}
