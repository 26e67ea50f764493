package org.lstm4j.dl4j.internal;

import java.util.List;
import org.lstm4j.api.GradientClippingSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Clips the mean gradient of a step, in place, before the optimizer sees it (as PyTorch's
 * {@code clip_grad_norm_} / {@code clip_grad_value_} between {@code backward()} and {@code step()}); the l2 term is
 * added after it, by the optimizer, as PyTorch's {@code weight_decay} argument would be.
 *
 * <ul>
 *   <li>{@code norm}: the global L2 norm over all trainable parameters' gradients; when it exceeds
 *       {@code max_norm} every gradient is multiplied by {@code max_norm / (norm + 1e-6)}, PyTorch's formula. DL4J has
 *       only per-layer or per-parameter-type norms.</li>
 *   <li>{@code value}: each element clipped to {@code [-max_value, max_value]}.</li>
 * </ul>
 * BatchNorm's running mean and variance are not parameters (PyTorch buffers); their updates are not clipped.
 */
final class GradientClipping {
    /** PyTorch's {@code clip_grad_norm_} adds this to the norm before dividing. */
    static final double NORM_EPSILON = 1e-6;

    private GradientClipping() {
    }

    static void apply(GradientClippingSpec spec, List<INDArray> gradients) {
        if (spec instanceof GradientClippingSpec.Norm norm) {
            clipNorm(gradients, norm.maxNorm());
        } else if (spec instanceof GradientClippingSpec.Value value) {
            clipValue(gradients, value.maxValue());
        }
    }

    /** The L2 norm of all {@code gradients} together (float16 gradients are measured in float32: no overflow). */
    static double globalNorm(List<INDArray> gradients) {
        double squares = 0;
        for (INDArray g : gradients) {
            INDArray measured = g.dataType() == DataType.HALF ? g.castTo(DataType.FLOAT) : g;
            double n = measured.norm2Number().doubleValue();
            squares += n * n;
        }
        return Math.sqrt(squares);
    }

    private static void clipNorm(List<INDArray> gradients, double maxNorm) {
        double norm = globalNorm(gradients);
        double coefficient = maxNorm / (norm + NORM_EPSILON);
        if (coefficient < 1) {
            for (INDArray g : gradients) {
                g.muli(coefficient);
            }
        }
    }

    private static void clipValue(List<INDArray> gradients, double maxValue) {
        for (INDArray g : gradients) {
            g.assign(Transforms.min(Transforms.max(g, -maxValue, true), maxValue, false));
        }
    }
}
