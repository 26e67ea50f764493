package org.lstm4j.dl4j.internal;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.buffer.util.DataTypeUtil;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** DL4J's finite-difference gradient check of a whole float64 network. */
final class GradientChecks {
    private GradientChecks() {
    }

    /**
     * Whether every parameter's backpropagated gradient matches central differences (epsilon 1e-6, relative error
     * below 1e-5, absolute errors below 1e-9 ignored).
     *
     * @param mask input mask {@code [batch, time]}, or null
     */
    static boolean passes(ComputationGraph net, INDArray x, INDArray y, INDArray mask) {
        return passes(net, x, y, mask, null);
    }

    /**
     * {@link #passes(ComputationGraph, INDArray, INDArray, INDArray)}, running {@code beforeEachPass} before the
     * backpropagation and before every perturbed forward pass (to draw the same dropout masks each time).
     */
    static boolean passes(ComputationGraph net, INDArray x, INDArray y, INDArray mask, Runnable beforeEachPass) {
        DataType previous = Nd4j.dataType();
        DataTypeUtil.setDTypeForContext(DataType.DOUBLE); // GradientCheckUtil insists; restored below
        try {
            GradientCheckUtil.GraphConfig check = new GradientCheckUtil.GraphConfig()
                    .net(net).inputs(new INDArray[] {x}).labels(new INDArray[] {y})
                    .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9)
                    .print(GradientCheckUtil.PrintMode.FAILURES_ONLY);
            if (mask != null) {
                check.inputMask(new INDArray[] {mask});
            }
            if (beforeEachPass != null) {
                check.callEachIter(graph -> beforeEachPass.run());
            }
            return GradientCheckUtil.checkGradients(check);
        } finally {
            DataTypeUtil.setDTypeForContext(previous);
        }
    }
}
