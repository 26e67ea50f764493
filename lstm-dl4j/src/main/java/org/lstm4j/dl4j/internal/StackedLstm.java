package org.lstm4j.dl4j.internal;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.lstm4j.api.ModelSpec;

/**
 * {@code num_layers} LSTM layers, each reading the whole output sequence of the one below ({@code lstm0},
 * {@code lstm1}, ...). With {@code dropout > 0} a dropout layer ({@code dropout1}, ...) sits on the input of every
 * layer but the first: PyTorch's {@code nn.LSTM(dropout=p)}, which drops between layers and not after the last.
 */
final class StackedLstm {
    static final String LSTM = "lstm";
    static final String DROPOUT = "dropout";

    private StackedLstm() {
    }

    /** Adds the stack on top of {@code input}; returns the name of the last layer (its output is a sequence). */
    static String add(GraphBuilder graph, Layers layers, ModelSpec model, String input) {
        String below = input;
        for (int i = 0; i < model.numLayers(); i++) {
            if (i > 0 && model.dropout() > 0) {
                graph.addLayer(DROPOUT + i, layers.dropout(model.dropout()), below);
                below = DROPOUT + i;
            }
            graph.addLayer(LSTM + i, layers.lstm(model.hiddenSize(), model.recurrentDropout()), below);
            below = LSTM + i;
        }
        return below;
    }
}
