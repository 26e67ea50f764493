package org.lstm4j.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The scaler, fitted on the train part only.
 *
 * @param type  minmax, standard, robust or none
 * @param range target range of {@code minmax}, two increasing numbers
 */
public record ScalerSpec(@NotNull ScalerType type, @NotNull @Size(min = 2, max = 2) List<Double> range) {
    public ScalerSpec {
        SpecChecks.require(ScalerSpec.class, type, range);
        range = List.copyOf(range);
        if (range.size() != 2 || !(range.get(0) < range.get(1))) {
            throw new IllegalArgumentException("range must be two increasing numbers, was " + range);
        }
    }

    /** MinMax to [0, 1]. */
    public static ScalerSpec defaults() {
        return new ScalerSpec(ScalerType.MINMAX, List.of(0.0, 1.0));
    }

    /** A scaler of this type with the default range. */
    public static ScalerSpec of(ScalerType type) {
        return new ScalerSpec(type, List.of(0.0, 1.0));
    }

    public ScalerSpec withType(ScalerType value) {
        return new ScalerSpec(value, range);
    }

    /** These settings with the {@code minmax} target range {@code [low, high]}. */
    public ScalerSpec withRange(List<Double> value) {
        return new ScalerSpec(type, value);
    }

    /** Scaler kinds. */
    public enum ScalerType {
        /** (x - min) / (max - min), mapped to {@code range}. */
        MINMAX,
        /** (x - mean) / standard deviation. */
        STANDARD,
        /** (x - median) / interquartile range. */
        ROBUST,
        /** Identity. */
        NONE
    }
}
