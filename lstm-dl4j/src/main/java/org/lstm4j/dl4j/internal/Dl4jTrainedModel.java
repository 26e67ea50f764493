package org.lstm4j.dl4j.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.NetworkWeights;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.WindowedData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained network. Predicts in inference mode (no dropout, BatchNorm on its running statistics) in batches of up
 * to {@value #BATCH} windows (up to {@value SmallBatchLstm#MAX_WINDOWS} windows of the {@code lstm} architecture in
 * plain Java, {@link SmallBatchLstm}); DL4J's {@code output} is synchronized, so concurrent callers are safe but served one at
 * a time. {@link #of} gives attention networks the {@link org.lstm4j.api.AttentionWeights} capability.
 * {@link #close} frees the network's native memory; afterwards every method but {@code close} throws
 * {@link IllegalStateException} (instead of letting ND4J touch freed memory).
 */
class Dl4jTrainedModel implements TrainedModel {
    static final int BATCH = 1024;

    private final ComputationGraph net;
    private final SampleShape shape;
    private final SmallBatchLstm smallBatch;
    private volatile boolean closed;
    private volatile boolean parametersFrozen;

    Dl4jTrainedModel(ComputationGraph net, SampleShape shape) {
        this(net, shape, null);
    }

    private Dl4jTrainedModel(ComputationGraph net, SampleShape shape, SmallBatchLstm smallBatch) {
        this.net = net;
        this.shape = shape;
        this.smallBatch = smallBatch;
    }

    /** The model for a network built from {@code model}. */
    static Dl4jTrainedModel of(ComputationGraph net, SampleShape shape, ModelSpec model) {
        return model.architecture() == ModelSpec.Architecture.ATTENTION
                ? new Dl4jAttentionModel(net, shape)
                : new Dl4jTrainedModel(net, shape, SmallBatchLstm.forNetwork(net, shape, model));
    }

    @Override
    public double[][] predict(WindowedData data) {
        checkShape(data);
        ComputationGraph net = network();
        if (smallBatch != null && SmallBatchLstm.suits(data.size(), parametersFrozen)) {
            synchronized (net) { // as below: close() cannot free the network in the middle
                network();
                return smallBatch.predict(data);
            }
        }
        int horizon = shape.horizon();
        double[][] result = new double[data.size()][];
        Batches batches = new Batches(data, net.params().dataType());
        for (int from = 0; from < data.size(); from += BATCH) {
            int to = Math.min(data.size(), from + BATCH);
            INDArray inputs = batches.inputs(null, from, to);
            INDArray output;
            synchronized (net) { // DL4J's lock: close() cannot free the network in the middle
                output = network().outputSingle(false, inputs);
            }
            double[] flat = output.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            for (int i = from; i < to; i++) {
                double[] row = new double[horizon];
                System.arraycopy(flat, (i - from) * horizon, row, 0, horizon);
                result[i] = row;
            }
        }
        return result;
    }

    /**
     * Promises that the network's parameters will not change any more, as for a network restored from a bundle
     * (nothing can train it): the fast inference paths then copy the weights once instead of comparing the
     * parameters with their copy on every call, and the plain-Java path takes up to
     * {@value SmallBatchLstm#MAX_WINDOWS_FROZEN} windows.
     */
    void freezeParameters() {
        parametersFrozen = true;
        if (smallBatch != null) {
            smallBatch.freeze();
        }
        for (Layer layer : net.getLayers()) {
            if (layer instanceof FastLstmLayer fast) {
                fast.freezeParameters();
            }
        }
    }

    @Override
    public void writeParameters(OutputStream out) throws IOException {
        ParameterFormat.write(network().params(), out);
    }

    /** The weights in PyTorch's layout ({@link WeightsLayout}). */
    @Override
    public NetworkWeights weights() {
        synchronized (net) {
            return WeightsLayout.read(network());
        }
    }

    /** Trainable parameters: BatchNorm's running mean and variance, which DL4J stores among them, are not counted. */
    @Override
    public long parameterCount() {
        long count = 0;
        for (Layer layer : network().getLayers()) {
            for (Map.Entry<String, INDArray> p : layer.paramTable(false).entrySet()) {
                if (layer.updaterDivideByMinibatch(p.getKey())) {
                    count += p.getValue().length();
                }
            }
        }
        return count;
    }

    /** Frees the network's native memory at once; idempotent. */
    @Override
    public void close() {
        synchronized (net) {
            if (!closed) {
                closed = true;
                for (Layer layer : net.getLayers()) {
                    if (layer instanceof FastLstmLayer fast) {
                        fast.releaseWorkArrays();
                    }
                }
                if (smallBatch != null) {
                    smallBatch.release();
                }
                net.close();
            }
        }
    }

    /** The network; throws once the model is closed. */
    ComputationGraph network() {
        if (closed) {
            throw new IllegalStateException("the model is closed");
        }
        return net;
    }

    SampleShape shape() {
        return shape;
    }

    void checkShape(WindowedData data) {
        if (data.window() != shape.window() || data.features() != shape.features()) {
            throw new IllegalArgumentException("the model reads windows of " + shape.window() + " steps x "
                    + shape.features() + " features, the data has " + data.window() + " x " + data.features());
        }
    }
}
