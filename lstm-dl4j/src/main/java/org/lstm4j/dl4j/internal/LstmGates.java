package org.lstm4j.dl4j.internal;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Views of one time step's {@code [batch, 4 x hidden]} gate matrix, in DL4J's gate order: block input (tanh),
 * forget, output and input gate (sigmoid). In an 'f'-order matrix each view, and the three sigmoid gates together,
 * are contiguous, so every element-wise operation on them runs on one flat range.
 */
final class LstmGates {
    final INDArray all;
    final INDArray blockInput;
    final INDArray sigmoidGates;
    final INDArray forget;
    final INDArray output;
    final INDArray input;

    /** Views of {@code step}, a contiguous 'f'-order {@code [batch, 4 x hidden]} matrix. */
    LstmGates(INDArray step, long hidden) {
        this.all = step;
        this.blockInput = FMatrix.columns(step, 0, hidden);
        this.sigmoidGates = FMatrix.columns(step, hidden, 4 * hidden);
        this.forget = FMatrix.columns(step, hidden, 2 * hidden);
        this.output = FMatrix.columns(step, 2 * hidden, 3 * hidden);
        this.input = FMatrix.columns(step, 3 * hidden, 4 * hidden);
    }
}
