package org.lstm4j.core;

import java.util.List;

/**
 * A forecast of the steps after the last row of a series, in the data's units.
 *
 * @param labels time labels of the forecast steps, extrapolated from the series' time column when it is
 *               regular (numbers or dates at a constant distance), else {@code t+1, t+2, ...}
 * @param values the forecast of each step
 */
public record FutureForecast(List<String> labels, double[] values) {
    public FutureForecast {
        labels = List.copyOf(labels);
        values = values.clone();
    }
}
