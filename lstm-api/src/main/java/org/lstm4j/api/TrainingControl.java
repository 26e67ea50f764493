package org.lstm4j.api;

/**
 * What a {@link TrainingListener} may do to a running training. To test a listener without a backend, drive it with
 * a {@link RecordingTrainingControl}.
 */
public interface TrainingControl {

    /** Ends training after the current epoch. Never throws. */
    void requestStop(StopReason reason);

    /** The learning rate the next epoch will use. */
    double learningRate();

    /** Sets the learning rate from the next epoch on; the optimizer's state is kept. */
    void setLearningRate(double learningRate);

    /** Remembers the current weights as the best so far; they are restored by {@link #restoreBest()}. */
    void markBest();

    /** Replaces the weights by those saved by the last {@link #markBest()}; no-op if none. */
    void restoreBest();

    /**
     * The network as it is now, for listeners that evaluate it between epochs: predictions reflect the current
     * weights. Do not close it.
     */
    TrainedModel currentModel();
}
