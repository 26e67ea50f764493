package org.lstm4j.api;

/** Trains one network. Not thread-safe; one trainer per training run. */
public interface Trainer {

    /**
     * Trains on {@code train}, reporting each epoch to {@code listener}.
     *
     * @param train      training samples
     * @param validation validation samples, or {@code null}
     * @param listener   called after every epoch; may stop training or change the learning rate
     * @return the trained model and its history
     */
    Training fit(WindowedData train, WindowedData validation, TrainingListener listener);
}
