package org.lstm4j.dl4j.internal;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arrays one {@link FastLstmLayer} computes in, for one input shape, allocated once outside DL4J's workspaces
 * and reused while the shape stays the same.
 *
 * <p>Each array is 'f' order {@code [batch, units, slots]}: slot {@code s} is a contiguous 'f'-order
 * {@code [batch, units]} matrix that BLAS reads and writes in place. For training, the activated gates and the
 * cell states have a slot per time step (the backward pass reads them all); for inference they live in one or two
 * slots reused along the sequence. The hidden states always have a slot per step: they are the layer's output.
 */
final class LstmWorkArrays implements AutoCloseable {
    final long batch;
    final long features;
    final long hidden;
    final int steps;
    final boolean training;
    final DataType dataType;

    /** The pre-activations {@code x W + h_prev RW + b} of the current step. */
    final LstmGates preActivation;
    /** {@code batch} copies of the bias row: the starting value of {@link #preActivation}. */
    final INDArray biasRows;
    /** A column of ones, {@code [batch, 1]}: {@code biasRows = ones x bias}. */
    final INDArray ones;
    /** Activated gates per step. */
    final LstmGates[] gates;
    final INDArray[] cell;
    final INDArray[] cellTanh;
    final INDArray[] hiddenState;
    final INDArray hiddenStates;
    final INDArray scratch;
    final INDArray scratch2;
    /** Training only: gradients w.r.t. the pre-activations and the hidden states, and the carried cell gradient. */
    final LstmGates[] preActivationGradients;
    final INDArray preActivationGradientAll;
    final INDArray[] hiddenGradient;
    final INDArray hiddenGradients;
    final INDArray cellGradient;
    /** Training only: the activation functions' derivatives at the current step. */
    final LstmGates derivatives;
    /** Training only: per step and gate unit, the sum of the pre-activation gradients over the batch. */
    final INDArray gateSums;
    /** Training only: a column of {@code steps} ones. */
    final INDArray stepOnes;

    private final INDArray[] owned;
    private INDArray inputCopy;

    LstmWorkArrays(DataType dataType, long batch, long features, long hidden, int steps, boolean training) {
        this.batch = batch;
        this.features = features;
        this.hidden = hidden;
        this.steps = steps;
        this.training = training;
        this.dataType = dataType;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            int gateSlots = training ? steps : 1;
            INDArray z = matrix(4 * hidden);
            biasRows = matrix(4 * hidden);
            ones = Nd4j.ones(dataType, batch, 1);
            INDArray a = create(4 * hidden, gateSlots);
            INDArray c = create(hidden, training ? steps : 2);
            INDArray tc = create(hidden, gateSlots);
            hiddenStates = create(hidden, steps);
            scratch = matrix(hidden);
            scratch2 = matrix(hidden);
            preActivation = new LstmGates(z, hidden);
            gates = gates(a, steps, gateSlots);
            cell = steps(c, steps, training ? steps : 2);
            cellTanh = steps(tc, steps, gateSlots);
            hiddenState = steps(hiddenStates, steps, steps);
            if (training) {
                preActivationGradientAll = create(4 * hidden, steps);
                preActivationGradients = gates(preActivationGradientAll, steps, steps);
                hiddenGradients = create(hidden, steps);
                hiddenGradient = steps(hiddenGradients, steps, steps);
                cellGradient = matrix(hidden);
                INDArray derivative = matrix(4 * hidden);
                derivatives = new LstmGates(derivative, hidden);
                gateSums = Nd4j.create(dataType, new long[] {1, 4 * hidden * steps}, 'f');
                stepOnes = Nd4j.ones(dataType, steps, 1);
                owned = new INDArray[] {z, biasRows, ones, a, c, tc, hiddenStates, scratch, scratch2,
                        preActivationGradientAll, hiddenGradients, cellGradient, derivative, gateSums, stepOnes};
            } else {
                preActivationGradientAll = null;
                preActivationGradients = null;
                hiddenGradients = null;
                hiddenGradient = null;
                cellGradient = null;
                derivatives = null;
                gateSums = null;
                stepOnes = null;
                owned = new INDArray[] {z, biasRows, ones, a, c, tc, hiddenStates, scratch, scratch2};
            }
        }
    }

    /** Whether these arrays serve an input of this shape and type. */
    boolean fits(DataType type, long batch, long features, int steps, boolean training) {
        return type == dataType && batch == this.batch && features == this.features && steps == this.steps
                && training == this.training;
    }

    /**
     * The input's steps as 'f'-order matrices: views of {@code input} when it is an 'f'-order
     * {@code [batch, features, steps]} array with default strides, else views of a copy kept until the next call.
     */
    INDArray[] inputSteps(INDArray input) {
        INDArray source = input;
        if (input.ordering() != 'f' || !Shape.hasDefaultStridesForShape(input)) {
            if (inputCopy == null) {
                try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                    inputCopy = create(features, steps);
                }
            }
            source = inputCopy.assign(input);
        }
        return steps(source, steps, steps);
    }

    /**
     * The steps of an 'f'-order {@code [batch, units, steps]} array with default strides, as contiguous
     * {@code [batch, units]} matrices.
     */
    static INDArray[] steps(INDArray sequence) {
        return steps(sequence, (int) sequence.size(2), (int) sequence.size(2));
    }

    private INDArray create(long units, int slots) {
        return Nd4j.create(dataType, new long[] {batch, units, slots}, 'f');
    }

    private INDArray matrix(long units) {
        return Nd4j.create(dataType, new long[] {batch, units}, 'f');
    }

    private LstmGates[] gates(INDArray array, int steps, int slots) {
        INDArray[] views = steps(array, steps, slots);
        LstmGates[] gates = new LstmGates[steps];
        for (int t = 0; t < steps; t++) {
            gates[t] = t < slots ? new LstmGates(views[t], hidden) : gates[t % slots];
        }
        return gates;
    }

    private static INDArray[] steps(INDArray array, int steps, int slots) {
        INDArray[] views = new INDArray[steps];
        for (int t = 0; t < steps; t++) {
            views[t] = t < slots ? FMatrix.slot(array, t) : views[t % slots];
        }
        return views;
    }

    @Override
    public void close() {
        for (INDArray array : owned) {
            array.close();
        }
        if (inputCopy != null) {
            inputCopy.close();
        }
    }
}
