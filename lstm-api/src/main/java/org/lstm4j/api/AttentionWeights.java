package org.lstm4j.api;

/**
 * An optional capability of a {@link TrainedModel}: a model with attention pooling ({@code model.architecture:
 * attention}) tells how much each time step of a window weighed in its forecast. Test for it with
 * {@code if (model instanceof AttentionWeights attention) ...}; models of other architectures do not implement it.
 *
 * <p>The weights are the softmax over the window's time steps of the attention scores, so each row is
 * non-negative and sums to 1; the forecast's pooled features are {@code sum over t of weight[t] * output[t]} of the
 * last LSTM layer. Safe to call from several threads, like {@link TrainedModel#predict}.
 */
public interface AttentionWeights {

    /**
     * The attention weights of every sample's prediction.
     *
     * @param data windows of the shape the model was trained on
     * @return {@code [sample][time step]}; time step 0 is the oldest value of the window
     * @throws IllegalArgumentException when the windows have another length or feature count than the model's
     */
    double[][] attentionWeights(WindowedData data);
}
