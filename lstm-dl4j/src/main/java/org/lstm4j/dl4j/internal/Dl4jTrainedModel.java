package org.lstm4j.dl4j.internal;

import java.io.IOException;
import java.io.OutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.WindowedData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained network. Predicts in batches of up to {@value #BATCH} windows; DL4J's {@code output} is synchronized,
 * so concurrent callers are safe but served one at a time.
 */
final class Dl4jTrainedModel implements TrainedModel {
    static final int BATCH = 1024;

    private final MultiLayerNetwork net;
    private final SampleShape shape;

    Dl4jTrainedModel(MultiLayerNetwork net, SampleShape shape) {
        this.net = net;
        this.shape = shape;
    }

    @Override
    public double[][] predict(WindowedData data) {
        if (data.window() != shape.window() || data.features() != shape.features()) {
            throw new IllegalArgumentException("the model reads windows of " + shape.window() + " steps x "
                    + shape.features() + " features, the data has " + data.window() + " x " + data.features());
        }
        int horizon = shape.horizon();
        double[][] result = new double[data.size()][];
        Batches batches = new Batches(data);
        for (int from = 0; from < data.size(); from += BATCH) {
            int to = Math.min(data.size(), from + BATCH);
            INDArray output = net.output(batches.inputs(null, from, to), false);
            float[] flat = output.castTo(DataType.FLOAT).dup('c').data().asFloat();
            for (int i = from; i < to; i++) {
                double[] row = new double[horizon];
                int offset = (i - from) * horizon;
                for (int j = 0; j < horizon; j++) {
                    row[j] = flat[offset + j];
                }
                result[i] = row;
            }
        }
        return result;
    }

    @Override
    public void writeParameters(OutputStream out) throws IOException {
        ParameterFormat.write(net.params(), out);
    }

    @Override
    public long parameterCount() {
        return net.numParams();
    }

    MultiLayerNetwork network() {
        return net;
    }
}
