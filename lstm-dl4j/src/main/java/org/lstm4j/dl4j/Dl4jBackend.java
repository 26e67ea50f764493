package org.lstm4j.dl4j;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.lstm4j.api.Backend;
import org.lstm4j.api.BackendInfo;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.Trainer;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.dl4j.internal.Dl4jEngine;

/**
 * The Deeplearning4j backend ({@code dl4j}): stacked LSTM layers, the last one read at its last time step,
 * under a linear head of {@code horizon} outputs, trained with a DL4J {@code MultiLayerNetwork} in float32.
 *
 * <p>Found through {@link java.util.ServiceLoader} ({@code META-INF/services/org.lstm4j.api.Backend}).
 * Settings it does not implement yet make {@link #trainer} and {@link #restore} throw
 * {@link org.lstm4j.api.UnsupportedFeatureException} naming the spec key: architectures other than
 * {@code lstm}, dropout, batch norm, gradient clipping, gradient accumulation, precisions other than
 * {@code float32}, and weight decay with an optimizer other than {@code adamw}.
 */
public final class Dl4jBackend implements Backend {

    /** The name stored in bundles. */
    public static final String NAME = "dl4j";

    /** Creates the backend; ND4J itself starts on first use. */
    public Dl4jBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Trainer trainer(SampleShape shape, ModelSpec model, TrainingSpec training, long seed) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        return Dl4jEngine.trainer(shape, model, training, seed);
    }

    @Override
    public TrainedModel restore(SampleShape shape, ModelSpec model, TrainingSpec training, InputStream parameters)
            throws IOException {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(parameters, "parameters");
        return Dl4jEngine.restore(shape, model, training, parameters);
    }

    @Override
    public BackendInfo info() {
        return Dl4jEngine.info();
    }

    @Override
    public String toString() {
        return "Dl4jBackend";
    }
}
