package org.lstm4j.core;

import java.util.Locale;

/** Plain-language explanations of what the evaluation found wrong. */
public final class Diagnostics {
    private Diagnostics() {}

    /** Why a model is considered lagging, and what to try. */
    public static String laggingMessage(Evaluation test) {
        return String.format(Locale.ROOT, "the forecasts track the series shifted by one step (rmse %.4g) about as well as or "
                + "better than the series itself (rmse %.4g; skill vs naive %.3f): the model mostly repeats the last value it saw. "
                + "Try data.transform: difference, a longer data.window, more training (epochs, hidden_size), or check that "
                + "the series is predictable beyond its last value.", test.lagRmse(), test.model().rmse(), test.skillVsNaive());
    }
}
