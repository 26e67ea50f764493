package org.lstm4j.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * A tensor engine that trains and restores networks. Implementations register in
 * {@code META-INF/services/org.lstm4j.api.Backend}; {@link Backends#load()} finds them.
 */
public interface Backend {

    /** A short stable name, stored in bundles ({@code dl4j}). */
    String name();

    /**
     * A trainer for a network of this shape.
     *
     * @param shape    window, features and horizon of the data
     * @param model    the network
     * @param training the loop
     * @param seed     seed for weights, shuffling and dropout
     * @throws UnsupportedFeatureException when the backend cannot do something the specs ask for
     */
    Trainer trainer(SampleShape shape, ModelSpec model, TrainingSpec training, long seed);

    /**
     * Rebuilds a trained network from parameters written by {@link TrainedModel#writeParameters}.
     *
     * @throws IOException when the parameters are unreadable or do not fit the specs
     */
    TrainedModel restore(SampleShape shape, ModelSpec model, TrainingSpec training, InputStream parameters) throws IOException;

    /**
     * Builds a trained network from backend-neutral weights (a PyTorch import, a dequantized bundle). The weights
     * must fit the specs: {@code model.num_layers} layers of {@code model.hidden_size} units, and so on.
     *
     * @throws IllegalArgumentException naming the first tensor whose shape does not fit, with both shapes
     * @throws UnsupportedOperationException when the backend cannot build networks from weights
     */
    default TrainedModel restore(SampleShape shape, ModelSpec model, TrainingSpec training, NetworkWeights weights) {
        throw new UnsupportedOperationException("the " + name() + " backend cannot build a network from weights");
    }

    /** What runs the tensors, for metrics and logs. */
    BackendInfo info();
}
