package org.lstm4j.api;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A trained network. {@link #predict} is safe to call from several threads. {@link #close} releases
 * native memory at once instead of when the garbage collector gets to it (call it when training many
 * models in one process, as a search does); the model is unusable afterwards.
 */
public interface TrainedModel extends AutoCloseable {

    /**
     * Forecasts for every sample, in the scaled units the network was trained on.
     *
     * @return {@code [sample][horizon step]}
     */
    double[][] predict(WindowedData data);

    /** Writes the parameters in the backend's raw format (no Java serialization). */
    void writeParameters(OutputStream out) throws IOException;

    /**
     * The weights in the backend-neutral layout model exchange works on (ONNX export, quantization).
     *
     * @throws UnsupportedOperationException when the backend cannot give them
     */
    default NetworkWeights weights() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not expose its weights");
    }

    /** Number of trainable parameters. */
    long parameterCount();

    /** Releases the network's native memory; the default does nothing. */
    @Override
    default void close() {}
}
