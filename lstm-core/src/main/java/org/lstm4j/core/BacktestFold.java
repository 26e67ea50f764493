package org.lstm4j.core;

/**
 * One fold of a rolling-origin backtest.
 *
 * @param fold       1-based fold number
 * @param origin     first target row of the fold
 * @param label      time label (or row index) of the origin
 * @param windows    number of windows in the fold
 * @param refit      whether the model was trained again at this origin
 * @param evaluation metrics on the fold's windows, beside the baselines
 */
public record BacktestFold(int fold, int origin, String label, int windows, boolean refit, Evaluation evaluation) {}
