package org.lstm4j.dl4j.internal;

import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What the tests that compare one of {@link FastPaths}' paths with what it replaces share. */
final class PathComparisons {
    private PathComparisons() {
    }

    /** {@code computation}'s result with the boolean system property {@code switchName} set, cleared afterwards. */
    static <T> T with(String switchName, boolean enabled, Supplier<T> computation) {
        System.setProperty(switchName, Boolean.toString(enabled));
        try {
            return computation.get();
        } finally {
            System.clearProperty(switchName);
        }
    }

    /** A copy of every parameter's gradient of one training pass of {@code net} on {@code x, y}. */
    static INDArray gradient(ComputationGraph net, INDArray x, INDArray y) {
        net.setInputs(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return net.getFlattenedGradients().dup();
    }

    static double maxAbsDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }
}
