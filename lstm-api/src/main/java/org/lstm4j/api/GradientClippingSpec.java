package org.lstm4j.api;

import jakarta.validation.constraints.DecimalMin;

/** Gradient clipping, chosen in YAML by {@code type}. */
public sealed interface GradientClippingSpec {

    /** No clipping. */
    record None() implements GradientClippingSpec {}

    /** Scale all gradients so that their global L2 norm is at most {@code maxNorm} (PyTorch {@code clip_grad_norm_}). */
    record Norm(@DecimalMin(value = "0", inclusive = false) double maxNorm) implements GradientClippingSpec {
        public Norm {
            SpecChecks.require(Norm.class, maxNorm);
        }

        public static Norm defaults() {
            return new Norm(1.0);
        }

        public Norm withMaxNorm(double value) {
            return new Norm(value);
        }
    }

    /** Clip each gradient element to [-maxValue, maxValue]. */
    record Value(@DecimalMin(value = "0", inclusive = false) double maxValue) implements GradientClippingSpec {
        public Value {
            SpecChecks.require(Value.class, maxValue);
        }

        public static Value defaults() {
            return new Value(0.5);
        }

        public Value withMaxValue(double value) {
            return new Value(value);
        }
    }
}
