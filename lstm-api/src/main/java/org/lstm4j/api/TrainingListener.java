package org.lstm4j.api;

/** Observes training, one call per epoch. All methods default to doing nothing. */
public interface TrainingListener {

    /** A listener that does nothing. */
    TrainingListener NONE = new TrainingListener() {};

    /** Before the first epoch. */
    default void onStart(TrainingControl control) {}

    /**
     * Instead of {@link #onStart} when training continues from a checkpoint taken after {@code epochsCompleted}
     * epochs; the next call is {@link #onEpochEnd} of epoch {@code epochsCompleted + 1}. By default calls
     * {@code onStart}: a listener that keeps state across epochs (a schedule, early stopping) overrides it so as
     * not to start afresh, and has its state restored by whoever resumes the training; a listener that wraps others
     * overrides it to forward {@code onResume} to them ({@link #andThen} does).
     */
    default void onResume(TrainingControl control, int epochsCompleted) {
        onStart(control);
    }

    /** After each epoch. */
    default void onEpochEnd(EpochResult epoch, TrainingControl control) {}

    /** After the last epoch. */
    default void onEnd(TrainingResult result) {}

    /** A listener calling {@code this}, then {@code next}. */
    default TrainingListener andThen(TrainingListener next) {
        TrainingListener first = this;
        return new TrainingListener() {
            @Override
            public void onStart(TrainingControl control) {
                first.onStart(control);
                next.onStart(control);
            }

            @Override
            public void onResume(TrainingControl control, int epochsCompleted) {
                first.onResume(control, epochsCompleted);
                next.onResume(control, epochsCompleted);
            }

            @Override
            public void onEpochEnd(EpochResult epoch, TrainingControl control) {
                first.onEpochEnd(epoch, control);
                next.onEpochEnd(epoch, control);
            }

            @Override
            public void onEnd(TrainingResult result) {
                first.onEnd(result);
                next.onEnd(result);
            }
        };
    }
}
