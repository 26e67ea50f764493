package org.lstm4j.dl4j.internal;

import org.lstm4j.api.TrainingSpec.Precision;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What each {@link Precision} means on ND4J, and the numerical floors float16 needs.
 *
 * <p>float16 ({@code HALF}) has a smallest normal value of about 6.1e-5 and a largest of 65504, and ND4J M2.1 has no
 * mixed precision: parameters, activations, gradients and optimizer state are all half. Two defaults break there:
 * <ul>
 *   <li>Adam's and RMSProp's epsilon 1e-8 rounds to 0 in half, and the first step divides by ~0: NaN after one step.
 *       The epsilon is raised to {@value #HALF_MIN_EPSILON} (measured: trains).</li>
 *   <li>BatchNorm's epsilon 1e-5: its backward pass overflows half to NaN on the first step. Raised to
 *       {@value #HALF_BATCH_NORM_EPSILON} (measured: trains).</li>
 * </ul>
 */
final class Precisions {
    /** The smallest optimizer epsilon used in float16. */
    static final double HALF_MIN_EPSILON = 1e-4;
    /** BatchNorm's epsilon in float16 (float32/float64 use PyTorch's 1e-5). */
    static final double HALF_BATCH_NORM_EPSILON = 1e-3;
    /** BatchNorm's epsilon in float32 and float64, PyTorch's default. */
    static final double BATCH_NORM_EPSILON = 1e-5;

    private Precisions() {
    }

    static DataType dataType(Precision precision) {
        return switch (precision) {
            case FLOAT32 -> DataType.FLOAT;
            case FLOAT64 -> DataType.DOUBLE;
            case FLOAT16 -> DataType.HALF;
        };
    }

    /** The optimizer epsilon actually used: the spec's, raised to {@value #HALF_MIN_EPSILON} in float16. */
    static double optimizerEpsilon(double epsilon, Precision precision) {
        return precision == Precision.FLOAT16 ? Math.max(epsilon, HALF_MIN_EPSILON) : epsilon;
    }

    static double batchNormEpsilon(Precision precision) {
        return precision == Precision.FLOAT16 ? HALF_BATCH_NORM_EPSILON : BATCH_NORM_EPSILON;
    }
}
