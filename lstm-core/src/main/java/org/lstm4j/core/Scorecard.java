package org.lstm4j.core;

/**
 * A model's metrics on a run of windows, in the data's own units, beside the baselines: what {@code lstm train}
 * and {@code lstm evaluate} print as their table.
 *
 * @param evaluation   the model's and the baselines' metrics
 * @param windows      the number of windows evaluated
 * @param seasonLength the season of seasonal naive and MASE (given by {@code evaluation.season_length}, or detected)
 */
public record Scorecard(Evaluation evaluation, int windows, int seasonLength) {}
