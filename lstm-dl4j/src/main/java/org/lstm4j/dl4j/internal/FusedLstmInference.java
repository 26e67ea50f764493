package org.lstm4j.dl4j.internal;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inference of one LSTM layer over a whole sequence in one native call: libnd4j's fused {@code lstmLayer} operation.
 * For small batches it is 5-9x faster than {@link LstmKernel} (whose cost there is the per-operation overhead of
 * a dozen ND4J calls per time step); from a batch of about {@value #MAX_BATCH_TIMES_HIDDEN} / hidden windows on,
 * the kernel's larger operations win (measured: hidden 50 x 10 steps, 1 window 141 against 1,630 µs, 256 windows
 * 4.2 against 3.3 ms; hidden 128 x 64 steps, 1 window 1.7 against 11 ms, 64 windows equal).
 *
 * <p>{@code lstmLayer} orders the gates input, forget, cell, output; DL4J orders them cell (block input), forget,
 * output, input. The weights are copied into that order with one small matrix product per parameter (the gate
 * blocks are the four columns of the parameter seen as an 'f'-order {@code [rows x hidden, 4]} matrix) whenever the
 * layer's parameters differ from those of the last copy: the copies cost twice the fused operation itself for one
 * window, the comparison a tenth of it.
 */
final class FusedLstmInference implements AutoCloseable {
    /** Batches up to this many windows x hidden units take the fused operation. */
    static final long MAX_BATCH_TIMES_HIDDEN = 8192;

    private static final int DATA_FORMAT_NST = 2;
    private static final int FORWARD = 0;
    private static final int SIGMOID = 2;
    private static final int TANH = 0;

    private final long hidden;
    private final INDArray gateOrder;
    private final INDArray weights;
    private final INDArray recurrent;
    private final INDArray bias;
    /** The layer's parameters the reordered copies were made from. */
    private final ParameterSnapshot reorderedFrom = new ParameterSnapshot();

    FusedLstmInference(DataType dataType, long features, long hidden) {
        this.hidden = hidden;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            // column j of the reordered parameter is column from[j] of DL4J's
            int[] from = {3, 1, 0, 2};
            gateOrder = Nd4j.zeros(dataType, 4, 4).dup('f');
            for (int j = 0; j < 4; j++) {
                gateOrder.putScalar(from[j], j, 1.0);
            }
            weights = Nd4j.create(dataType, new long[] {features, 4 * hidden}, 'f');
            recurrent = Nd4j.create(dataType, new long[] {hidden, 4 * hidden}, 'f');
            bias = Nd4j.create(dataType, new long[] {4 * hidden}, 'f');
        }
    }

    /** Whether this class serves a batch of {@code batch} windows better than the step-by-step kernel. */
    static boolean suits(long batch, long hidden) {
        return batch * hidden <= MAX_BATCH_TIMES_HIDDEN;
    }

    /** Whether this instance was built for these sizes. */
    /** See {@link ParameterSnapshot#freeze}. */
    void freeze() {
        reorderedFrom.freeze();
    }

    boolean fits(DataType dataType, long features) {
        return weights.dataType() == dataType && weights.size(0) == features;
    }

    /**
     * The layer's output for {@code input} ({@code [batch, features, steps]}, NCW) from zero state, written to
     * {@code output} ({@code [batch, hidden, steps]}).
     *
     * @param layerParameters all the layer's parameters (DL4J's flattened view of the next three): the reordered copies
     *                        are made again only when these changed since the last call, which one comparison tells
     */
    void forward(INDArray input, INDArray layerParameters, INDArray dl4jWeights, INDArray dl4jRecurrent,
            INDArray dl4jBias, INDArray output) {
        if (reorderedFrom.changed(layerParameters)) {
            reorder(dl4jWeights, weights);
            reorder(dl4jRecurrent, recurrent);
            reorder(dl4jBias, bias);
            reorderedFrom.take(layerParameters);
        }
        DynamicCustomOp op = DynamicCustomOp.builder("lstmLayer")
                .addInputs(input, weights, recurrent, bias)
                .addOutputs(output)
                .addIntegerArguments(DATA_FORMAT_NST, FORWARD, SIGMOID, TANH, TANH)
                .addFloatingPointArguments(0.0) // no cell clipping
                // bias, sequence lengths, initial h, initial c, peepholes, full sequence out, last h out, last c out
                .addBooleanArguments(true, false, false, false, false, true, false, false)
                .build();
        Nd4j.exec(op);
    }

    private void reorder(INDArray dl4j, INDArray target) {
        long rows = dl4j.length() / (4 * hidden) * hidden;
        INDArray source = dl4j.ordering() == 'f' || dl4j.isVector() ? dl4j : dl4j.dup('f');
        Nd4j.gemm(source.reshape('f', rows, 4), gateOrder, target.reshape('f', rows, 4), false, false, 1.0, 0.0);
    }

    @Override
    public void close() {
        gateOrder.close();
        weights.close();
        recurrent.close();
        bias.close();
        reorderedFrom.close();
    }
}
