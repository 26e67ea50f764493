package org.lstm4j.dl4j.internal;

/**
 * Float64 sigmoid and tanh through one {@link Math#exp} each, as libnd4j computes its sigmoid
 * ({@code 1 / (1 + exp(-x))}): the float64 paths in plain Java ({@link SmallBatchLstm}, {@link DoubleGateSteps}) agree
 * with ND4J's to float64 rounding.
 */
final class ExactActivations {
    private ExactActivations() {
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** {@code 2 sigmoid(2x) - 1}: one {@code exp}, where {@link Math#tanh} costs several times more. */
    static double tanh(double x) {
        return 2.0 / (1.0 + Math.exp(-2.0 * x)) - 1.0;
    }
}
