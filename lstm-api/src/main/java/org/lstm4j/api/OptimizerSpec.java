package org.lstm4j.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * The optimizer.
 *
 * @param type         adam, adamw, sgd or rmsprop
 * @param learningRate initial learning rate
 * @param beta1        Adam/AdamW first-moment decay
 * @param beta2        Adam/AdamW second-moment decay (RMSProp: the squared-gradient decay)
 * @param epsilon      numerical stabiliser
 * @param momentum     SGD momentum (Nesterov off)
 */
public record OptimizerSpec(
        @NotNull OptimizerType type,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") double learningRate,
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) double beta1,
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) double beta2,
        @DecimalMin(value = "0", inclusive = false) double epsilon,
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) double momentum) {

    public OptimizerSpec {
        SpecChecks.require(OptimizerSpec.class, type, learningRate, beta1, beta2, epsilon, momentum);
    }

    /** Adam at 0.001 with PyTorch's defaults. */
    public static OptimizerSpec defaults() {
        return new OptimizerSpec(OptimizerType.ADAM, 0.001, 0.9, 0.999, 1e-8, 0.9);
    }

    /** Adam with PyTorch's defaults at this learning rate. */
    public static OptimizerSpec adam(double learningRate) {
        return defaults().withLearningRate(learningRate);
    }

    public OptimizerSpec withType(OptimizerType value) {
        return new OptimizerSpec(value, learningRate, beta1, beta2, epsilon, momentum);
    }

    public OptimizerSpec withLearningRate(double value) {
        return new OptimizerSpec(type, value, beta1, beta2, epsilon, momentum);
    }

    public OptimizerSpec withBeta1(double value) {
        return new OptimizerSpec(type, learningRate, value, beta2, epsilon, momentum);
    }

    public OptimizerSpec withBeta2(double value) {
        return new OptimizerSpec(type, learningRate, beta1, value, epsilon, momentum);
    }

    public OptimizerSpec withEpsilon(double value) {
        return new OptimizerSpec(type, learningRate, beta1, beta2, value, momentum);
    }

    public OptimizerSpec withMomentum(double value) {
        return new OptimizerSpec(type, learningRate, beta1, beta2, epsilon, value);
    }

    /** Optimizers. */
    public enum OptimizerType { ADAM, ADAMW, SGD, RMSPROP }
}
