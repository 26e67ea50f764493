package org.lstm4j.dl4j.internal;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The element-wise part of {@link LstmKernel}'s time steps in plain Java on heap arrays: per forward step, from the
 * pre-activations {@code z} (copied out of ND4J's memory) to the activated gates, the cell state, its tanh and the
 * hidden state {@code h} (copied back for the next step's matrix product); per backward step, from {@code dh} and the
 * carried {@code dc} to the pre-activation gradients {@code dz} (copied back for the gradient products). The gates and
 * cell states the backward pass needs never leave the heap. The copies are bulk copies
 * ({@code FloatBuffer.get(int, float[], int, int)}, a memcpy): one per block of a contiguous step matrix, or one per
 * column ({@code batch} elements) of a time-major step view, whose columns lie {@code batch x steps} elements apart
 * ({@link LstmKernel}'s default layout); the arithmetic is a few simple counted loops per step that the JIT compiler
 * vectorises. In the time-major layout this class also adds the bias to each step's {@code z} as it comes in
 * ({@link #startForward}) and sums the steps' {@code dz} into the bias gradient ({@link #finishBackward}): on the
 * heap, where a product over all steps would pass over the whole {@code Z} once more.
 *
 * <p>Replaces the dozen-plus ND4J element-wise calls per step (2-3 µs each in call overhead) and ND4J's scalar
 * {@code expf} sigmoid. Float32 activations come from {@link FastTanh} (tanh within 4e-7 of the exact function, the
 * sigmoid within 2e-7); float64 ones from {@link ExactActivations}, the formulas the ND4J path computes, so float64
 * gradient checks hold.
 *
 * <p>Storage follows {@link LstmWorkArrays}: for training a slot per step for the gates, cell states and their tanh;
 * for inference one slot for the gates and two for the cell state, reused along the sequence. This class holds the
 * storage and moves the data; a subclass per precision ({@code A} is {@code float[]} or {@code double[]}) does the
 * arithmetic.
 *
 * @param <A> the primitive array type
 */
abstract sealed class GateSteps<A> permits FloatGateSteps, DoubleGateSteps {
    /** Elements of one {@code [batch, hidden]} block. */
    final int size;
    /** Rows and columns of one block: the windows and the hidden units. */
    final int batch;
    final int columns;
    private final int gateSlots;
    private final int cellSlots;
    /** Activated gates per slot: block input (tanh), forget, output, input. */
    private final A[] blockInput;
    private final A[] forget;
    private final A[] output;
    private final A[] inputGate;
    private final A[] cell;
    private final A[] cellTanh;
    /** The cell state before the first step. */
    private final A zeros;
    private final A hidden;
    /** Training only: {@code dh}, the recurrent product's masked share of it, the mask, {@code dc}, {@code dz}. */
    private final A hiddenGradient;
    private final A maskedPart;
    private final A mask;
    private final A cellGradient;
    private final A[] preActivationGradient;
    /** The bias ({@link #startForward}), or the bias gradient ({@link #finishBackward}), {@code 4 x hidden}. */
    private final A biasValues;
    /** Training only: per gate, the sum of the steps' {@code dz} so far ({@link #startBackward(INDArray, boolean)}). */
    private final A[] gradientSums;
    private boolean addBias;
    private boolean sumBias;

    GateSteps(long windows, long hiddenUnits, int steps, boolean training) {
        long elements = windows * hiddenUnits;
        if (elements > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("batch x hidden too large for Java arrays: " + elements);
        }
        size = (int) elements;
        batch = (int) windows;
        columns = (int) hiddenUnits;
        gateSlots = training ? steps : 1;
        cellSlots = training ? steps : 2;
        blockInput = arrays(gateSlots, size);
        forget = arrays(gateSlots, size);
        output = arrays(gateSlots, size);
        inputGate = arrays(gateSlots, size);
        cell = arrays(cellSlots, size);
        cellTanh = arrays(gateSlots, size);
        A[] two = arrays(2, size);
        zeros = two[0];
        hidden = two[1];
        A[] gradients = arrays(4, training ? size : 0);
        hiddenGradient = gradients[0];
        maskedPart = gradients[1];
        mask = gradients[2];
        cellGradient = gradients[3];
        preActivationGradient = arrays(4, training ? size : 0);
        biasValues = arrays(1, 4 * columns)[0];
        gradientSums = arrays(4, training ? size : 0);
    }

    /** Whether {@link #create} serves this type: float32 and float64. */
    static boolean supports(DataType type) {
        return type == DataType.FLOAT || type == DataType.DOUBLE;
    }

    /** For a float32 or float64 layer; {@code null} for any other type (the ND4J element-wise path runs). */
    static GateSteps<?> create(DataType type, long batch, long hidden, int steps, boolean training) {
        return switch (type) {
            case FLOAT -> new FloatGateSteps(batch, hidden, steps, training);
            case DOUBLE -> new DoubleGateSteps(batch, hidden, steps, training);
            default -> null;
        };
    }

    /**
     * Forward step {@code t}: activates {@code preActivation} ({@code [batch, 4 x hidden]} 'f' order, gates
     * {@code [a | f | o | i]}) and writes {@code h} into {@code hiddenState} ({@code [batch, hidden]} 'f' order);
     * each contiguous or a time-major step view (strides {@code (1, ld)}, {@link FMatrix#rows}).
     */
    final void forward(int t, INDArray preActivation, INDArray hiddenState) {
        int slot = t % gateSlots;
        A a = blockInput[slot];
        A f = forget[slot];
        A o = output[slot];
        A i = inputGate[slot];
        read(preActivation, 0, a);
        read(preActivation, 1, f);
        read(preActivation, 2, o);
        read(preActivation, 3, i);
        if (addBias) {
            addColumns(a, biasValues, 0);
            addColumns(f, biasValues, columns);
            addColumns(o, biasValues, 2 * columns);
            addColumns(i, biasValues, 3 * columns);
        }
        A previous = t == 0 ? zeros : cell[(t - 1) % cellSlots];
        activate(a, f, o, i, previous, cell[t % cellSlots], cellTanh[slot], hidden);
        write(hidden, hiddenState, 0);
    }

    /**
     * Before a forward pass whose {@code preActivation}s lack the bias ({@code bias}, {@code [1, 4 x hidden]}
     * contiguous, added while they are copied in: the time-major layout, where a bias product over all steps
     * would write the whole {@code Z} once more), or with null before one whose pre-activations include it.
     */
    final void startForward(INDArray bias) {
        addBias = bias != null;
        if (addBias) {
            copyIn(bias, 0, 0, 1, 4 * columns, biasValues);
        }
    }

    /** Before the backward pass's last step: zeroes the carried cell gradient, takes the recurrent mask (or null). */
    final void startBackward(INDArray recurrentMask) {
        startBackward(recurrentMask, false);
    }

    /**
     * {@link #startBackward(INDArray)}; with {@code sumBias}, the steps also sum their {@code dz} for
     * {@link #finishBackward} (element-wise on the heap, then over the windows once: the time-major layout, where
     * column sums of the whole {@code dZ} would read it once more).
     */
    final void startBackward(INDArray recurrentMask, boolean sumBias) {
        clear(cellGradient);
        if (recurrentMask != null) {
            read(recurrentMask, 0, mask);
        }
        this.sumBias = sumBias;
        if (sumBias) {
            for (A sum : gradientSums) {
                clear(sum);
            }
        }
    }

    /**
     * After a backward pass started with {@code sumBias}: writes the bias gradient (the sums of {@code dz} over
     * windows and steps) into {@code biasGradient}, a contiguous {@code [1, 4 x hidden]} array.
     */
    final void finishBackward(INDArray biasGradient) {
        for (int gate = 0; gate < 4; gate++) {
            columnSums(gradientSums[gate], biasValues, gate * columns);
        }
        copyOut(biasValues, biasGradient, 0, 0, 1, 4 * columns);
    }

    /**
     * Backward step {@code t} after a training forward pass: from {@code hiddenGradientArray} (w.r.t. {@code h_t},
     * plus {@code maskedPartArray * mask} when that is not null: the recurrent product's share under recurrent
     * dropout) to {@code preActivationGradientArray} ({@code [batch, 4 x hidden]}, overwritten).
     */
    final void backward(int t, INDArray hiddenGradientArray, INDArray maskedPartArray,
            INDArray preActivationGradientArray) {
        read(hiddenGradientArray, 0, hiddenGradient);
        if (maskedPartArray != null) {
            read(maskedPartArray, 0, maskedPart);
            addProduct(hiddenGradient, maskedPart, mask);
        }
        int slot = t % gateSlots;
        A previous = t == 0 ? zeros : cell[(t - 1) % cellSlots];
        A[] dz = preActivationGradient;
        differentiate(blockInput[slot], forget[slot], output[slot], inputGate[slot], cellTanh[slot], previous,
                hiddenGradient, cellGradient, dz[0], dz[1], dz[2], dz[3]);
        for (int gate = 0; gate < 4; gate++) {
            write(dz[gate], preActivationGradientArray, gate);
            if (sumBias) {
                accumulate(gradientSums[gate], dz[gate]);
            }
        }
    }

    /** {@code count} arrays of {@code length} zeros. */
    abstract A[] arrays(int count, int length);

    /**
     * Copies block {@code block} (columns {@code block x columns} to {@code (block + 1) x columns}) of an 'f'-order
     * {@code [batch, units]} matrix with strides {@code (1, ld)}: one bulk copy of {@link #size} elements when it is
     * contiguous ({@code ld = batch}), else one bulk copy of {@link #batch} elements per column.
     */
    final void read(INDArray array, int block, A into) {
        int ld = leadingDimension(array);
        if (ld == batch) {
            copyIn(array, block * size, 0, 1, size, into);
        } else {
            copyIn(array, block * columns * ld, ld, columns, batch, into);
        }
    }

    /** Copies {@code from} into block {@code block} of such a matrix, the same way. */
    final void write(A from, INDArray array, int block) {
        int ld = leadingDimension(array);
        if (ld == batch) {
            copyOut(from, array, block * size, 0, 1, size);
        } else {
            copyOut(from, array, block * columns * ld, ld, columns, batch);
        }
    }

    /** The leading dimension of an 'f'-order matrix with unit row stride: {@link #batch} when contiguous. */
    final int leadingDimension(INDArray array) {
        return array.size(1) == 1 ? batch : (int) array.stride(1);
    }

    /**
     * Bulk-copies {@code runs} runs of {@code length} elements of {@code array}'s buffer, run {@code j} starting
     * {@code offset + j x stride} elements after the array's first, into {@code into} from {@code j x length} on.
     */
    abstract void copyIn(INDArray array, int offset, int stride, int runs, int length, A into);

    /** The reverse of {@link #copyIn}: the runs of {@code from} into {@code array}'s buffer. */
    abstract void copyOut(A from, INDArray array, int offset, int stride, int runs, int length);

    abstract void clear(A array);

    /** {@code block[j x batch + k] += values[from + j]}: a row vector added to every row of a block. */
    abstract void addColumns(A block, A values, int from);

    /** {@code sum += x}. */
    abstract void accumulate(A sum, A x);

    /** {@code into[at + j] = sum over k of block[j x batch + k]}: a block's column sums. */
    abstract void columnSums(A block, A into, int at);

    /** {@code y += x * m}. */
    abstract void addProduct(A y, A x, A m);

    /**
     * In place on the pre-activations {@code a, f, o, i}: the activated gates; then {@code c = i a + f previous},
     * {@code tc = tanh(c)}, {@code h = o tc}.
     */
    abstract void activate(A a, A f, A o, A i, A previous, A c, A tc, A h);

    /**
     * From the activated gates, {@code tanh(c)}, the previous cell state, {@code dh} and the carried {@code dc}
     * (updated to the previous step's): the pre-activation gradients {@code da, df, dO, di}.
     */
    abstract void differentiate(A a, A f, A o, A i, A tc, A previous, A dh, A dc, A da, A df, A dO, A di);
}
