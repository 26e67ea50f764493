package org.lstm4j.dl4j.internal;

import java.util.Map;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The seed's attention pooling as a DL4J layer, over the outputs {@code h[t]} of the last LSTM layer
 * ({@code [batch, hidden, time]}, NCW):
 * <pre>
 * score[t]  = v . tanh(W^T h[t] + b) + c          Linear(hidden, attention_size) -> tanh -> Linear(attention_size, 1)
 * weight    = softmax over t of score              masked steps get weight 0
 * context   = sum over t of weight[t] * h[t]       [batch, hidden], the head's features
 * </pre>
 * Parameters: {@value #W} {@code [hidden, attention_size]}, {@value #B} {@code [1, attention_size]}, {@value #V}
 * {@code [attention_size, 1]}, {@value #C} {@code [1, 1]} (PyTorch's two {@code Linear} layers, same count;
 * {@code c} shifts every score alike, so its gradient is always 0, as in PyTorch). Weights Xavier, biases 0.
 *
 * <p>Written for DL4J M2.1's SameDiff bridge, with its bugs worked around:
 * <ul>
 *   <li>SameDiff layers get their gradients doubled; the output is {@code 0.5 * y + 0.5 * stopGradient(y)}: the same
 *       value, half the gradient. A float64 gradient check of the whole network guards this.</li>
 *   <li>{@code tensorMmul}'s backward pass fails, so the scores are computed with reshape + 2-d {@code mmul}.</li>
 *   <li>DL4J passes a default all-ones mask even without one; the mask is applied as
 *       {@code softmax(score) * mask / sum(softmax(score) * mask)}, which is the masked softmax and needs no large
 *       negative constant (float16 has none to spare).</li>
 * </ul>
 * The mask does not travel further: the output is not a time series.
 */
final class AttentionPooling extends SameDiffLayer {
    private static final long serialVersionUID = 1L;

    static final String W = "W";
    static final String B = "b";
    static final String V = "v";
    static final String C = "c";

    private long nIn;
    private int attentionSize;
    private int timeSteps;

    /** For JSON (de)serialisation of network configurations. */
    AttentionPooling() {
    }

    private AttentionPooling(Builder builder) {
        super(builder);
        this.attentionSize = builder.attentionSize;
        this.timeSteps = builder.timeSteps;
    }

    public long getNIn() {
        return nIn;
    }

    public void setNIn(long nIn) {
        this.nIn = nIn;
    }

    public int getAttentionSize() {
        return attentionSize;
    }

    public void setAttentionSize(int attentionSize) {
        this.attentionSize = attentionSize;
    }

    public int getTimeSteps() {
        return timeSteps;
    }

    public void setTimeSteps(int timeSteps) {
        this.timeSteps = timeSteps;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(nIn);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeRecurrent recurrent)) {
            throw new IllegalArgumentException("attention pooling needs a recurrent input, got " + inputType);
        }
        if (nIn <= 0 || override) {
            nIn = recurrent.getSize();
        }
        if (timeSteps <= 0 && recurrent.getTimeSeriesLength() > 0) {
            timeSteps = (int) recurrent.getTimeSeriesLength();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam(W, nIn, attentionSize);
        params.addBiasParam(B, 1, attentionSize);
        params.addWeightParam(V, attentionSize, 1);
        params.addBiasParam(C, 1, 1);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        initWeights((int) nIn, attentionSize, WeightInit.XAVIER, params.get(W));
        initWeights(attentionSize, 1, WeightInit.XAVIER, params.get(V));
        params.get(B).assign(0);
        params.get(C).assign(0);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        long steps = timeSteps > 0 ? timeSteps : input.getShape()[2];
        SDVariable rows = input.permute(0, 2, 1).reshape(sd.constant(Nd4j.createFromArray(-1L, nIn)));   // [b*T, H]
        SDVariable hidden = sd.math().tanh(rows.mmul(params.get(W)).add(params.get(B)));                  // [b*T, A]
        SDVariable scores = hidden.mmul(params.get(V)).add(params.get(C))
                .reshape(sd.constant(Nd4j.createFromArray(-1L, steps)));                                   // [b, T]
        SDVariable weights = sd.nn().softmax(scores, 1);
        if (mask != null) {
            SDVariable kept = weights.mul(mask.castTo(weights.dataType()));
            weights = kept.div(kept.sum(true, 1));
        }
        SDVariable context = input.mul(sd.expandDims(weights, 1)).sum(2);                                 // [b, H]
        // DL4J M2.1 doubles the gradients of SameDiff layers: same value, half the gradient.
        SDVariable frozen = new StopGradient(sd, context).outputVariable();
        return context.mul(0.5).add(frozen.mul(0.5));
    }

    @Override
    public INDArray onesMaskForInput(INDArray input) {
        return Nd4j.ones(input.dataType(), input.size(0), input.size(2)); // [batch, time] for NCW input
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        return new Pair<>(null, null); // pooled over time: the output has no time steps to mask
    }

    /** Configures an {@link AttentionPooling}. */
    static final class Builder extends SameDiffLayer.Builder<Builder> {
        private int attentionSize;
        private int timeSteps;

        Builder attentionSize(int attentionSize) {
            this.attentionSize = attentionSize;
            return this;
        }

        /** The window length; 0 takes it from the input type. */
        Builder timeSteps(int timeSteps) {
            this.timeSteps = timeSteps;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public AttentionPooling build() {
            if (attentionSize < 1) {
                throw new IllegalArgumentException("attention_size must be >= 1, was " + attentionSize);
            }
            return new AttentionPooling(this);
        }
    }
}
