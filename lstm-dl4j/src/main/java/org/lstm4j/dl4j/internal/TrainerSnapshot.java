package org.lstm4j.dl4j.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backend's part of a checkpoint ({@link org.lstm4j.api.TrainingState#backendState()}): everything of a DL4J
 * training that the loop's next epoch reads, so that it runs as it would have without the interruption. Big-endian
 * header fields, arrays in {@link ParameterFormat} (the network's own bytes, so they restore bit for bit):
 * <pre>
 * 8 bytes  magic "LSTM4JS1"
 * int32    iteration count (optimizer steps taken: Adam's bias correction reads it)
 * int32    epoch count
 * array    the network's parameters (BatchNorm's running statistics among them)
 * int32    flags: 1 = optimizer state follows, 2 = the early-stopping snapshot follows, 4 = the best epoch's copy follows
 * arrays   in that order: the updater's state view (Adam's moments, momentum buffers), the parameters saved by the
 *          last {@code markBest}, the parameters of the best finite epoch (kept for divergence)
 * </pre>
 */
final class TrainerSnapshot {
    static final byte[] MAGIC = "LSTM4JS1".getBytes(StandardCharsets.US_ASCII);
    private static final int OPTIMIZER_STATE = 1;
    private static final int MARKED = 2;
    private static final int BEST = 4;

    private TrainerSnapshot() {
    }

    /**
     * The copies of the parameters a restored training keeps besides the network's own.
     *
     * @param marked the weights of the last {@code markBest}, or null
     * @param best   the weights of the best finite epoch, or null
     */
    record Copies(INDArray marked, INDArray best) {}

    /** The state of {@code net} and its two copies (either may be null), in this format. */
    static byte[] write(ComputationGraph net, Copies copies) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(net.getIterationCount());
        out.writeInt(net.getEpochCount());
        ParameterFormat.write(net.params(), out);
        INDArray optimizerState = net.getUpdater().getStateViewArray();
        out.writeInt((optimizerState != null ? OPTIMIZER_STATE : 0) | (copies.marked() != null ? MARKED : 0)
                | (copies.best() != null ? BEST : 0));
        for (INDArray array : new INDArray[] {optimizerState, copies.marked(), copies.best()}) {
            if (array != null) {
                ParameterFormat.write(array, out);
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * Puts the state written by {@link #write} into {@code net}, a network built from the same specs (its
     * learning rate already set: that rebuilds DL4J's updater, whose state is filled here).
     *
     * @return the copies stored beside the network's parameters
     * @throws IOException when the bytes are not such a state or belong to another network
     */
    static Copies restore(byte[] state, ComputationGraph net) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not the state of a dl4j training (expected magic bytes 'LSTM4JS1')");
        }
        int iterations = in.readInt();
        int epochs = in.readInt();
        long count = net.numParams();
        INDArray params = ParameterFormat.read(in, count, net.params().dataType());
        int flags = in.readInt();
        INDArray optimizerState = net.getUpdater().getStateViewArray();
        if (((flags & OPTIMIZER_STATE) != 0) != (optimizerState != null)) {
            throw new IOException("the optimizer state does not fit this network's optimizer: "
                    + (optimizerState == null ? "it has none" : "none was stored"));
        }
        if (optimizerState != null) {
            optimizerState.assign(ParameterFormat.read(in, optimizerState.length(), optimizerState.dataType())
                    .reshape(optimizerState.shape()));
        }
        INDArray marked = (flags & MARKED) != 0 ? ParameterFormat.read(in, count, params.dataType()) : null;
        INDArray best = (flags & BEST) != 0 ? ParameterFormat.read(in, count, params.dataType()) : null;
        if (in.read() != -1) {
            throw new IOException("the state of the dl4j training has bytes after its last array");
        }
        net.setParams(params);
        net.getConfiguration().setIterationCount(iterations);
        net.getConfiguration().setEpochCount(epochs);
        return new Copies(marked, best);
    }
}
