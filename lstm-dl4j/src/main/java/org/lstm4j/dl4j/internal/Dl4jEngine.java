package org.lstm4j.dl4j.internal;

import java.io.IOException;
import java.io.InputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.lstm4j.api.BackendInfo;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.NetworkWeights;
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
     * @throws org.lstm4j.api.UnsupportedFeatureException for {@code model.recurrent_dropout} where lstm4j's kernel
     *         does not train ({@link RecurrentDropoutSupport})
     */
    public static Trainer trainer(SampleShape shape, ModelSpec model, TrainingSpec training, long seed) {
        RecurrentDropoutSupport.check(model, training);
        return new Dl4jTrainer(shape, model, training, seed);
    }

    /**
     * A network with these specs and the parameters read from {@code parameters}, in the precision of
     * {@code training}; predictions are bit-identical to those of the network that wrote them.
     *
     * @throws IOException when the stream is not a parameter file of this network
     */
    public static TrainedModel restore(SampleShape shape, ModelSpec model, TrainingSpec training, InputStream parameters)
            throws IOException {
        // The seed only drives the initial weights, which the stored parameters replace.
        ComputationGraph net = NetworkFactory.build(shape, model, training, 0L);
        net.setParams(ParameterFormat.read(parameters, net.numParams(), net.params().dataType()));
        Dl4jTrainedModel restored = Dl4jTrainedModel.of(net, shape, model);
        restored.freezeParameters(); // nothing can train a restored network
        return restored;
    }

    /** A network of these specs with {@code weights} ({@link WeightsLayout#write}). */
    public static TrainedModel restore(SampleShape shape, ModelSpec model, TrainingSpec training, NetworkWeights weights) {
        ComputationGraph net = NetworkFactory.build(shape, model, training, 0L);
        try {
            WeightsLayout.write(weights, net);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        Dl4jTrainedModel restored = Dl4jTrainedModel.of(net, shape, model);
        restored.freezeParameters();
        return restored;
    }

    /**
     * Starts ND4J if needed and sets its compute threads for a spec asking for {@code specThreads} (0: no wish).
     *
     * @throws org.lstm4j.api.BackendUnavailableException when ND4J cannot start
     */
    public static void applyThreads(int specThreads) {
        ThreadSettings.apply(specThreads);
    }

    /** What runs the tensors. */
    public static BackendInfo info() {
        return EngineInfo.current();
    }
}
