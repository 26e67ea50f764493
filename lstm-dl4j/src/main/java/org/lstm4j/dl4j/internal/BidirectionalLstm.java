package org.lstm4j.dl4j.internal;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.lstm4j.api.ModelSpec;

/**
 * A stacked bidirectional LSTM with PyTorch's {@code nn.LSTM(bidirectional=True)} semantics, as a graph.
 *
 * <p>Layer {@code i} has a forward LSTM {@code fwd<i>} reading its input from step 0 to T-1, and a backward LSTM
 * {@code bwd<i>} reading the input reversed ({@code reversed<i>}, a {@link TimeReversal}), from T-1 back to 0. Below the top layer, the
 * backward output is reversed again ({@code aligned<i>}) so that both directions' outputs at step t line up, and
 * the two are concatenated ({@code layer<i>}, {@code 2 x hidden} values per step): the input of layer {@code i+1},
 * always concatenated as in PyTorch, after dropout ({@code dropout<i+1>}) when {@code dropout > 0}. The dropout
 * layer sits before the split, so both directions see the same dropped elements, as in PyTorch.
 *
 * <p>The head reads PyTorch's {@code h_n} of the top layer: the forward LSTM's output at step T-1
 * ({@code fwdLast}) and the backward LSTM's output after it has read the whole window back to step 0 (its last
 * step in reversed time, {@code bwdLast}), merged by {@code bidirectional_merge}: concat ({@code 2 x hidden}),
 * sum or average ({@code hidden}). DL4J's {@code LastTimeStep(Bidirectional(...))} is not used: its backward half at
 * step T-1 has read one element only.
 */
final class BidirectionalLstm {
    static final String FORWARD = "fwd";
    static final String BACKWARD = "bwd";
    static final String REVERSED = "reversed";
    static final String ALIGNED = "aligned";
    static final String LAYER = "layer";
    static final String DROPOUT = "dropout";
    static final String FORWARD_LAST = "fwdLast";
    static final String BACKWARD_LAST = "bwdLast";
    static final String FEATURES = "features";

    private BidirectionalLstm() {
    }

    /** Adds the layers on top of {@code input}; returns the name of the features vertex, {@value #FEATURES}. */
    static String add(GraphBuilder graph, Layers layers, ModelSpec model, String input) {
        String below = input;
        int top = model.numLayers() - 1;
        for (int i = 0; i <= top; i++) {
            if (i > 0 && model.dropout() > 0) {
                graph.addLayer(DROPOUT + i, layers.dropout(model.dropout()), below);
                below = DROPOUT + i;
            }
            graph.addLayer(FORWARD + i, layers.lstm(model.hiddenSize(), model.recurrentDropout()), below);
            graph.addVertex(REVERSED + i, new TimeReversal(), below);
            graph.addLayer(BACKWARD + i, layers.lstm(model.hiddenSize(), model.recurrentDropout()), REVERSED + i);
            if (i < top) {
                graph.addVertex(ALIGNED + i, new TimeReversal(), BACKWARD + i);
                graph.addVertex(LAYER + i, new MergeVertex(), FORWARD + i, ALIGNED + i);
                below = LAYER + i;
            }
        }
        graph.addVertex(FORWARD_LAST, new LastTimeStepVertex(input), FORWARD + top);
        graph.addVertex(BACKWARD_LAST, new LastTimeStepVertex(input), BACKWARD + top);
        graph.addVertex(FEATURES, switch (model.bidirectionalMerge()) {
            case CONCAT -> new MergeVertex();
            case SUM -> new ElementWiseVertex(ElementWiseVertex.Op.Add);
            case AVERAGE -> new ElementWiseVertex(ElementWiseVertex.Op.Average);
        }, FORWARD_LAST, BACKWARD_LAST);
        return FEATURES;
    }
}
