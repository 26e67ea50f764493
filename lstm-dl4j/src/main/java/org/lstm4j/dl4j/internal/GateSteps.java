package org.lstm4j.dl4j.internal;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The element-wise part of {@link LstmKernel}'s time steps in one pass each, in plain Java on heap arrays: per
 * forward step, from the pre-activations {@code z} (copied out of ND4J's memory) to the activated gates, the cell
 * state, its tanh and the hidden state {@code h} (copied back for the next step's matrix product); per backward
 * step, from {@code dh} and the carried {@code dc} to the pre-activation gradients {@code dz} (copied back for the
 * gradient products). The gates and cell states the backward pass needs never leave the heap. The copies are bulk
 * copies ({@code FloatBuffer.get(int, float[], int, int)}, a memcpy); the loops are simple counted loops over arrays
 * that the JIT compiler vectorises.
 *
 * <p>Replaces the dozen-plus ND4J element-wise calls per step (2-3 µs each in call overhead) and ND4J's scalar
 * {@code expf} sigmoid. Float32 activations come from {@link FastTanh} (tanh within 4e-7 of the exact function, the
 * sigmoid within 2e-7); float64 ones from {@link ExactActivations}, the formulas the ND4J path computes, so float64
 * gradient checks hold.
 *
 * <p>Storage follows {@link LstmWorkArrays}: for training a slot per step for the gates, cell states and their tanh;
 * for inference one slot for the gates and two for the cell state, reused along the sequence.
 */
abstract sealed class GateSteps permits FloatGateSteps, DoubleGateSteps {
    /** Elements of one {@code [batch, hidden]} block. */
    final int size;
    final int gateSlots;
    final int cellSlots;

    GateSteps(long batch, long hidden, int steps, boolean training) {
        long elements = batch * hidden;
        if (elements > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("batch x hidden too large for Java arrays: " + elements);
        }
        this.size = (int) elements;
        this.gateSlots = training ? steps : 1;
        this.cellSlots = training ? steps : 2;
    }

    /** Whether {@link #create} serves this type: float32 and float64. */
    static boolean supports(DataType type) {
        return type == DataType.FLOAT || type == DataType.DOUBLE;
    }

    /** For a float32 or float64 layer; {@code null} for any other type (the ND4J element-wise path runs). */
    static GateSteps create(DataType type, long batch, long hidden, int steps, boolean training) {
        return switch (type) {
            case FLOAT -> new FloatGateSteps(batch, hidden, steps, training);
            case DOUBLE -> new DoubleGateSteps(batch, hidden, steps, training);
            default -> null;
        };
    }

    /**
     * Forward step {@code t}: activates {@code preActivation} ({@code [batch, 4 x hidden]} 'f' order, gates
     * {@code [a | f | o | i]}) and writes {@code h} into {@code hiddenState} ({@code [batch, hidden]} 'f' order);
     * both contiguous.
     */
    abstract void forward(int t, INDArray preActivation, INDArray hiddenState);

    /** Before the backward pass's last step: zeroes the carried cell gradient, takes the recurrent mask (or null). */
    abstract void startBackward(INDArray recurrentMask);

    /**
     * Backward step {@code t} after a training forward pass: from {@code hiddenGradient} (w.r.t. {@code h_t}, plus
     * {@code maskedPart * mask} when {@code maskedPart} is not null: the recurrent product's share under recurrent
     * dropout) to {@code preActivationGradient} ({@code [batch, 4 x hidden]}, overwritten).
     */
    abstract void backward(int t, INDArray hiddenGradient, INDArray maskedPart, INDArray preActivationGradient);

    final int gateSlot(int t) {
        return t % gateSlots;
    }

    final int cellSlot(int t) {
        return t % cellSlots;
    }
}
