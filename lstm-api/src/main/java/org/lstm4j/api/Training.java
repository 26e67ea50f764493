package org.lstm4j.api;

/**
 * What {@link Trainer#fit} produced.
 *
 * @param model  the trained network
 * @param result its history and timings
 */
public record Training(TrainedModel model, TrainingResult result) {}
