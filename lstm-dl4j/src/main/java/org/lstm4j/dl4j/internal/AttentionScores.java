package org.lstm4j.dl4j.internal;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The attention weights of {@link AttentionPooling}, recomputed in plain ND4J from its parameters and its input, for
 * callers who want to see them (the layer itself returns only the pooled context). Same formula: scores
 * {@code v . tanh(W^T h[t] + b) + c}, softmax over the time steps (here in double precision).
 */
final class AttentionScores {
    private AttentionScores() {
    }

    /**
     * @param outputs the attention layer's input, the top LSTM's outputs {@code [batch, hidden, time]}
     * @param params  the attention layer's parameters
     * @return {@code [sample][time step]}, each row summing to 1
     */
    static double[][] weights(INDArray outputs, Map<String, INDArray> params) {
        int batch = (int) outputs.size(0);
        int hidden = (int) outputs.size(1);
        int steps = (int) outputs.size(2);
        INDArray rows = outputs.permute(0, 2, 1).dup('c').reshape(batch * (long) steps, hidden);
        INDArray activations = Transforms.tanh(rows.mmul(params.get(AttentionPooling.W))
                .addiRowVector(params.get(AttentionPooling.B)), false);
        INDArray scores = activations.mmul(params.get(AttentionPooling.V))
                .addi(params.get(AttentionPooling.C).getDouble(0));
        double[] flat = scores.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[][] weights = new double[batch][];
        for (int i = 0; i < batch; i++) {
            weights[i] = softmax(flat, i * steps, steps);
        }
        return weights;
    }

    private static double[] softmax(double[] scores, int offset, int length) {
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < length; t++) {
            max = Math.max(max, scores[offset + t]);
        }
        double[] out = new double[length];
        double sum = 0;
        for (int t = 0; t < length; t++) {
            out[t] = Math.exp(scores[offset + t] - max);
            sum += out[t];
        }
        for (int t = 0; t < length; t++) {
            out[t] /= sum;
        }
        return out;
    }
}
