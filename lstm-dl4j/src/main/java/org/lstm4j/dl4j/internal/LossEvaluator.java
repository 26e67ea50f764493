package org.lstm4j.dl4j.internal;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.lstm4j.api.WindowedData;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The mean loss over a data set in inference mode (no dropout, BatchNorm on its running statistics), in batches:
 * the training loss function without the l2 or weight-decay term ({@code net.score} would add it). The head is
 * linear, so its output is its pre-output.
 */
final class LossEvaluator {
    static final int BATCH = 1024;

    private final ILossFunction loss;
    private final ActivationIdentity identity = new ActivationIdentity();

    LossEvaluator(ILossFunction loss) {
        this.loss = loss;
    }

    /** Mean loss per sample, NaN for null or empty data. */
    double meanLoss(ComputationGraph net, WindowedData data) {
        if (data == null || data.size() == 0) {
            return Double.NaN;
        }
        Batches batches = new Batches(data, net.params().dataType());
        double sum = 0;
        for (int from = 0; from < data.size(); from += BATCH) {
            int to = Math.min(data.size(), from + BATCH);
            INDArray output = net.outputSingle(false, batches.inputs(null, from, to));
            sum += loss.computeScoreArray(batches.targets(null, from, to), output, identity, null)
                    .sumNumber().doubleValue();
        }
        return sum / data.size();
    }
}
