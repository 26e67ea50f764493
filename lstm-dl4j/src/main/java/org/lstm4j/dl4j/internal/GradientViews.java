package org.lstm4j.dl4j.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Views into a network's flattened gradient, one per parameter, in two groups:
 *
 * @param parameters        gradients of trainable parameters: DL4J's backward pass leaves them summed over the
 *                          batch; a step averages and clips them
 * @param runningStatistics BatchNorm's running mean and variance: their "gradient" is DL4J's update of the running
 *                          estimate (applied with a no-op updater); neither averaged nor clipped
 */
record GradientViews(List<INDArray> parameters, List<INDArray> runningStatistics) {

    GradientViews {
        parameters = List.copyOf(parameters);
        runningStatistics = List.copyOf(runningStatistics);
    }

    /** The views of {@code net}'s gradient, mapped by each layer's own parameter initializer. */
    static GradientViews of(ComputationGraph net) {
        List<INDArray> parameters = new ArrayList<>();
        List<INDArray> statistics = new ArrayList<>();
        for (Layer layer : net.getLayers()) {
            INDArray view = layer.getGradientsViewArray();
            if (view == null || layer.numParams() == 0) {
                continue;
            }
            Map<String, INDArray> byParameter = layer.conf().getLayer().initializer()
                    .getGradientsFromFlattened(layer.conf(), view);
            for (Map.Entry<String, INDArray> e : byParameter.entrySet()) {
                (layer.updaterDivideByMinibatch(e.getKey()) ? parameters : statistics).add(e.getValue());
            }
        }
        return new GradientViews(parameters, statistics);
    }
}
