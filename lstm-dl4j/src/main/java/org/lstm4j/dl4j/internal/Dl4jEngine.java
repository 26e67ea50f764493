package org.lstm4j.dl4j.internal;

import java.io.IOException;
import java.io.InputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lstm4j.api.BackendInfo;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.Trainer;
import org.lstm4j.api.TrainingSpec;

/**
 * The one entry point {@link org.lstm4j.dl4j.Dl4jBackend} calls across packages. Not an API.
 */
public final class Dl4jEngine {
    private Dl4jEngine() {
    }

    /**
     * A trainer for these specs.
     *
     * @throws org.lstm4j.api.UnsupportedFeatureException when the specs ask for something not implemented here
     */
    public static Trainer trainer(SampleShape shape, ModelSpec model, TrainingSpec training, long seed) {
        FeatureSupport.check(model, training);
        return new Dl4jTrainer(shape, model, training, seed);
    }

    /**
     * A network with these specs and the parameters read from {@code parameters}.
     *
     * @throws IOException when the stream is not a parameter file of this network
     * @throws org.lstm4j.api.UnsupportedFeatureException when the specs ask for something not implemented here
     */
    public static TrainedModel restore(SampleShape shape, ModelSpec model, TrainingSpec training, InputStream parameters)
            throws IOException {
        FeatureSupport.check(model, training);
        // The seed only drives the initial weights, which the stored parameters replace.
        MultiLayerNetwork net = NetworkFactory.build(shape, model, training, 0L);
        net.setParams(ParameterFormat.read(parameters, net.numParams()));
        return new Dl4jTrainedModel(net, shape);
    }

    /** What runs the tensors. */
    public static BackendInfo info() {
        return EngineInfo.current();
    }
}
