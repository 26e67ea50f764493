package org.lstm4j.dl4j.internal;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arrays one {@link FastLstmLayer} computes in, for one input shape, allocated once outside DL4J's workspaces
 * and reused while the shape stays the same.
 *
 * <p>In the per-step layout ({@link FastPaths#TIME_MAJOR} {@code false}) each array is 'f' order
 * {@code [batch, units, slots]}: slot {@code s} is a contiguous 'f'-order {@code [batch, units]} matrix that BLAS
 * reads and writes in place. For training, the activated gates and the cell states have a slot per time step (the
 * backward pass reads them all); for inference they live in one or two slots reused along the sequence. The hidden
 * states always have a slot per step: they are the layer's output. With {@link GateSteps} (the default) the
 * activated gates and cell states are Java arrays there instead, and the ND4J arrays hold only what the matrix
 * products read and write.
 *
 * <p>In the time-major layout (the default) what the products over all steps read and write is one 'f'-order
 * {@code [batch x steps, units]} matrix (an 'f' {@code [batch, steps, units]} array), row {@code b + batch x t}
 * window {@code b} at step {@code t}; step {@code t} is the strided view of rows {@code batch x t} to
 * {@code batch x (t + 1)}: {@link #preActivations} ({@code Z}, then {@code dZ} over it), the hidden states, the input ({@link #inputMatrix}: a view of a time-major input, else a copy) and, with
 * recurrent dropout, the masked hidden states. The hidden-state gradients are time-major when the gradient from
 * above is ({@link #hiddenGradientSteps}), else in slots. The gates and cell states keep their slots. {@code Z} is
 * the layout's memory cost: {@code batch x steps x 4 x hidden} elements per layer where the per-step layout keeps
 * one step's (32 MB for {@code large}'s LSTM(128), 256 windows of 64 steps, in float32; the training layout keeps
 * {@code dZ} of that size anyway). The time-major layout serves training only: inference arrays
 * ({@code training = false}) keep the per-step layout, see {@link #timeMajorApplies}.
 */
final class LstmWorkArrays implements AutoCloseable {
    final long batch;
    final long features;
    final long hidden;
    final int steps;
    final boolean training;
    final DataType dataType;

    /**
     * Whether these arrays are laid out time-major ({@link FastPaths#timeMajor()}, see the class comment); the other
     * fields below say which layout they serve.
     */
    final boolean timeMajor;
    /** {@code batch x steps}: the rows of the time-major matrices. */
    final long rows;

    /**
     * The pre-activations {@code x W + h_prev RW + b} of the current step; time-major: the ND4J element-wise path's
     * contiguous copy of the current step's rows of {@link #preActivations} (forward), or of its {@code dz}
     * (backward).
     */
    final LstmGates preActivation;
    /**
     * Time-major only: {@code Z}, the pre-activations of all steps ({@code [batch x steps, 4 x hidden]}); after a
     * training forward pass the backward pass overwrites it with {@code dZ}, the gradients w.r.t. them (each step's
     * {@code z} has been consumed by then: the activated gates are kept apart). Null in the per-step layout.
     */
    final INDArray preActivations;
    /** Time-major only: step {@code t}'s rows of {@link #preActivations}, strided views. */
    final INDArray[] preActivationStep;
    /** Time-major only: a column of {@code batch x steps} ones (the bias row for all steps, the bias gradient). */
    final INDArray rowOnes;
    /** Time-major only: {@link #hiddenStates} as the {@code [batch x steps, hidden]} matrix. */
    final INDArray hiddenMatrix;
    /** Time-major, ND4J element-wise path only: the current step's {@code h}, contiguous, before its copy. */
    final INDArray hiddenStep;
    /** {@code batch} copies of the bias row: the starting value of {@link #preActivation}. */
    final INDArray biasRows;
    /** A column of ones, {@code [batch, 1]}: {@code biasRows = ones x bias}. */
    final INDArray ones;
    /** Activated gates per step; this and the next two are null with {@link #fused}. */
    final LstmGates[] gates;
    final INDArray[] cell;
    final INDArray[] cellTanh;
    final INDArray[] hiddenState;
    final INDArray hiddenStates;
    final INDArray scratch;
    final INDArray scratch2;
    /**
     * Training only: gradients w.r.t. the pre-activations and the hidden states, and the carried cell gradient (that
     * one null with {@link #fused}, which carries its own).
     */
    final LstmGates[] preActivationGradients;
    final INDArray preActivationGradientAll;
    final INDArray[] hiddenGradient;
    final INDArray hiddenGradients;
    final INDArray cellGradient;
    /** The element-wise work in plain Java ({@link FastPaths#FUSED_GATES}), or null for ND4J's operations. */
    final GateSteps<?> fused;
    /** Training without {@link #fused} only: the activation functions' derivatives at the current step. */
    final LstmGates derivatives;
    /** Training only: per step and gate unit, the sum of the pre-activation gradients over the batch. */
    final INDArray gateSums;
    /** Training only: a column of {@code steps} ones. */
    final INDArray stepOnes;

    private final INDArray[] owned;
    private INDArray inputCopy;
    private INDArray hiddenGradientsTimeMajor;
    private INDArray[] hiddenGradientTimeMajor;
    private INDArray maskedHidden;
    private INDArray[] maskedHiddenStep;

    /**
     * With {@link FastPaths#fusedGates()} (and a float32 or float64 type) the gates and cell states live in
     * {@link #fused}'s Java arrays, and the ND4J arrays only the element-wise ND4J path reads ({@link #gates},
     * {@link #cell}, {@link #cellTanh}, {@link #scratch2}, {@link #cellGradient}, {@link #derivatives}) are null.
     */
    LstmWorkArrays(DataType dataType, long batch, long features, long hidden, int steps, boolean training) {
        this.batch = batch;
        this.features = features;
        this.hidden = hidden;
        this.steps = steps;
        this.training = training;
        this.dataType = dataType;
        this.timeMajor = timeMajorApplies(batch, hidden, steps, training);
        this.rows = batch * steps;
        this.fused = FastPaths.fusedGates() ? GateSteps.create(dataType, batch, hidden, steps, training) : null;
        boolean nd4jGates = fused == null;
        List<INDArray> allocated = new ArrayList<>();
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            int gateSlots = training ? steps : 1;
            preActivation = new LstmGates(own(allocated, matrix(4 * hidden)), hidden);
            if (timeMajor) {
                biasRows = null;
                ones = null;
                preActivations = own(allocated, Nd4j.create(dataType, new long[] {rows, 4 * hidden}, 'f'));
                preActivationStep = stepRows(preActivations);
                rowOnes = own(allocated, Nd4j.ones(dataType, rows, 1));
                hiddenStates = own(allocated, Nd4j.create(dataType, new long[] {batch, steps, hidden}, 'f'));
                hiddenMatrix = FMatrix.flat(hiddenStates);
                hiddenState = stepRows(hiddenMatrix);
                hiddenStep = nd4jGates ? own(allocated, matrix(hidden)) : null;
            } else {
                biasRows = own(allocated, matrix(4 * hidden));
                ones = own(allocated, Nd4j.ones(dataType, batch, 1));
                preActivations = null;
                preActivationStep = null;
                rowOnes = null;
                hiddenStates = own(allocated, create(hidden, steps));
                hiddenMatrix = null;
                hiddenState = steps(hiddenStates, steps, steps);
                hiddenStep = null;
            }
            scratch = own(allocated, matrix(hidden));
            gates = nd4jGates ? gates(own(allocated, create(4 * hidden, gateSlots)), steps, gateSlots) : null;
            cell = nd4jGates ? steps(own(allocated, create(hidden, training ? steps : 2)), steps, training ? steps : 2)
                    : null;
            cellTanh = nd4jGates ? steps(own(allocated, create(hidden, gateSlots)), steps, gateSlots) : null;
            scratch2 = nd4jGates ? own(allocated, matrix(hidden)) : null;
            boolean nd4jTraining = training && nd4jGates;
            cellGradient = nd4jTraining ? own(allocated, matrix(hidden)) : null;
            derivatives = nd4jTraining ? new LstmGates(own(allocated, matrix(4 * hidden)), hidden) : null;
            if (training) {
                hiddenGradients = own(allocated, create(hidden, steps));
                hiddenGradient = steps(hiddenGradients, steps, steps);
                if (timeMajor) {
                    preActivationGradientAll = null;
                    preActivationGradients = null;
                    gateSums = null;
                    stepOnes = null;
                } else {
                    preActivationGradientAll = own(allocated, create(4 * hidden, steps));
                    preActivationGradients = gates(preActivationGradientAll, steps, steps);
                    gateSums = own(allocated, Nd4j.create(dataType, new long[] {1, 4 * hidden * steps}, 'f'));
                    stepOnes = own(allocated, Nd4j.ones(dataType, steps, 1));
                }
            } else {
                preActivationGradientAll = null;
                preActivationGradients = null;
                hiddenGradients = null;
                hiddenGradient = null;
                gateSums = null;
                stepOnes = null;
            }
        }
        owned = allocated.toArray(INDArray[]::new);
    }

    private static INDArray own(List<INDArray> allocated, INDArray array) {
        allocated.add(array);
        return array;
    }

    /** Whether these arrays serve an input of this shape and type. */
    boolean fits(DataType type, long batch, long features, int steps, boolean training) {
        return (fused != null) == (FastPaths.fusedGates() && GateSteps.supports(type))
                && timeMajor == timeMajorApplies(batch, hidden, steps, training)
                && type == dataType && batch == this.batch && features == this.features && steps == this.steps
                && training == this.training;
    }

    /**
     * Whether the time-major layout serves these sizes: {@link FastPaths#timeMajor()}, for training, and {@code Z}
     * small enough for the int indices of Java's buffers ({@link GateSteps}). Inference keeps the per-step layout:
     * there the layout saves only the input projection's per-step products, and {@code Z} over all steps cost more
     * than that (measured, {@code inferlarge} at batch 1024, LSTM(128) x 2 over 64 steps, two pairs of runs: 2,119 and
     * 2,043 windows/s against 2,309 and 2,235, peak RSS 728-741 MB against 487-495).
     */
    private static boolean timeMajorApplies(long batch, long hidden, int steps, boolean training) {
        return training && FastPaths.timeMajor() && batch * steps * 4 * hidden <= Integer.MAX_VALUE;
    }

    /**
     * Time-major: the input as the 'f'-order matrix {@code X} ({@code [batch x steps, features]}, row
     * {@code b + batch x t} window {@code b} at step {@code t}): a view of {@code input} when that already is a
     * time-major array seen as {@code [batch, features, steps]} (the output of a time-major layer below, or an
     * array laid out alike), else a copy (one {@code assign} from a permuted view) kept until the next call.
     */
    INDArray inputMatrix(INDArray input) {
        if (isTimeMajorSequence(input)) {
            return FMatrix.timeMajorMatrix(input);
        }
        if (inputCopy == null) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                inputCopy = Nd4j.create(dataType, new long[] {batch, steps, features}, 'f');
            }
        }
        inputCopy.assign(input.permute(0, 2, 1));
        return FMatrix.flat(inputCopy);
    }

    /**
     * Whether {@code sequence} ({@code [batch, units, steps]}) is the permuted view of an 'f'-order
     * {@code [batch, steps, units]} array: strides {@code (1, batch x steps, batch)}.
     */
    static boolean isTimeMajorSequence(INDArray sequence) {
        if (sequence.rank() != 3) {
            return false;
        }
        long b = sequence.size(0);
        long s = sequence.size(2);
        long[] strides = sequence.stride();
        return (b == 1 || strides[0] == 1) && (sequence.size(1) == 1 || strides[1] == b * s) && (s == 1 || strides[2] == b);
    }

    /**
     * Training: {@code outputGradient} ({@code [batch, hidden, steps]}) copied into {@code dh}, returned as its steps.
     * Time-major with {@link #fused}, a time-major {@code outputGradient} (the input gradient of a time-major layer
     * above) goes into a time-major {@code dh} (a plain copy, its steps strided views), anything else into
     * {@link #hiddenGradients} (contiguous steps; an {@code assign} that transposes a time-major array, which the
     * ND4J element-wise path, whose operations need contiguous steps, pays).
     */
    INDArray[] hiddenGradientSteps(INDArray outputGradient) {
        if (timeMajor && fused != null && isTimeMajorSequence(outputGradient)) {
            if (hiddenGradientsTimeMajor == null) {
                try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                    hiddenGradientsTimeMajor = Nd4j.create(dataType, new long[] {rows, hidden}, 'f');
                }
                hiddenGradientTimeMajor = stepRows(hiddenGradientsTimeMajor);
            }
            hiddenGradientsTimeMajor.assign(FMatrix.timeMajorMatrix(outputGradient));
            return hiddenGradientTimeMajor;
        }
        hiddenGradients.assign(outputGradient);
        return hiddenGradient;
    }

    /**
     * Time-major training with recurrent dropout: {@code h * m} for every step ({@code [batch x steps, hidden]}),
     * what the recurrent products read and {@code dRW} multiplies; allocated on first use and kept.
     */
    INDArray maskedHiddenMatrix() {
        if (maskedHidden == null) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                maskedHidden = Nd4j.create(dataType, new long[] {rows, hidden}, 'f');
            }
            maskedHiddenStep = stepRows(maskedHidden);
        }
        return maskedHidden;
    }

    /** Step {@code t}'s rows of {@link #maskedHiddenMatrix()} (call that first). */
    INDArray maskedHiddenStep(int t) {
        return maskedHiddenStep[t];
    }

    /** Step {@code t}'s rows of a time-major matrix, for every step: strided views ({@link FMatrix#rows}). */
    private INDArray[] stepRows(INDArray matrix) {
        INDArray[] views = new INDArray[steps];
        for (int t = 0; t < steps; t++) {
            views[t] = FMatrix.rows(matrix, batch * t, batch * (t + 1));
        }
        return views;
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
        for (INDArray array : new INDArray[] {inputCopy, hiddenGradientsTimeMajor, maskedHidden}) {
            if (array != null) {
                array.close();
            }
        }
    }
}
