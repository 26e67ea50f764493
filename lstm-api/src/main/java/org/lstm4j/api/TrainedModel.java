package org.lstm4j.api;

import java.io.IOException;
import java.io.OutputStream;

/** A trained network. {@link #predict} is safe to call from several threads. */
public interface TrainedModel {

    /**
     * Forecasts for every sample, in the scaled units the network was trained on.
     *
     * @return {@code [sample][horizon step]}
     */
    double[][] predict(WindowedData data);

    /** Writes the parameters in the backend's raw format (no Java serialization). */
    void writeParameters(OutputStream out) throws IOException;

    /** Number of trainable parameters. */
    long parameterCount();
}
