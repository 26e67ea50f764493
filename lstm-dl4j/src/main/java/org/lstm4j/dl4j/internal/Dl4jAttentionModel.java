package org.lstm4j.dl4j.internal;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.lstm4j.api.AttentionWeights;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.WindowedData;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A trained attention network: predicts, and tells the attention weights behind each prediction. */
final class Dl4jAttentionModel extends Dl4jTrainedModel implements AttentionWeights {
    private final String attended;

    Dl4jAttentionModel(ComputationGraph net, SampleShape shape) {
        super(net, shape);
        this.attended = net.getConfiguration().getVertexInputs().get(NetworkFactory.ATTENTION).get(0);
    }

    @Override
    public double[][] attentionWeights(WindowedData data) {
        checkShape(data);
        ComputationGraph net = network();
        double[][] result = new double[data.size()][];
        Batches batches = new Batches(data, net.params().dataType());
        for (int from = 0; from < data.size(); from += BATCH) {
            int to = Math.min(data.size(), from + BATCH);
            INDArray inputs = batches.inputs(null, from, to);
            // the outputs of the top LSTM layer, in inference mode: what the attention layer reads. (DL4J M2.1's
            // output(List<String>, ...) for an inner vertex fails with a workspace error; feedForward works.)
            double[][] weights;
            synchronized (net) { // DL4J's lock: close() cannot free the network in the middle
                INDArray outputs = network().feedForward(new INDArray[] {inputs}, false, false).get(attended);
                weights = AttentionScores.weights(outputs, net.getLayer(NetworkFactory.ATTENTION).paramTable());
            }
            System.arraycopy(weights, 0, result, from, to - from);
        }
        return result;
    }
}
