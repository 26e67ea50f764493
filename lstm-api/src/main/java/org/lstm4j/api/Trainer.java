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

    /**
     * Trains as {@link #fit(WindowedData, WindowedData, TrainingListener)} does, saving the trainer's state to
     * {@code checkpoints} after the epochs it says, and continuing from {@link TrainingCheckpoints#resumeFrom()} when
     * that holds a state: listeners then get {@link TrainingListener#onResume} instead of {@code onStart}, and the
     * training ends with the same history (wall times excepted) and parameters as one never interrupted, bit for bit
     * where the backend is deterministic. No checkpoint is saved after the last epoch or after an epoch that ends
     * training.
     *
     * <p>The default, for backends that cannot checkpoint, trains without saving anything and refuses to resume.
     *
     * @throws UnsupportedFeatureException when asked to resume and the backend cannot
     */
    default Training fit(WindowedData train, WindowedData validation, TrainingListener listener,
                         TrainingCheckpoints checkpoints) {
        if (checkpoints.resumeFrom().isPresent()) {
            throw new UnsupportedFeatureException("training.checkpoint", "this backend cannot resume from a checkpoint");
        }
        return fit(train, validation, listener);
    }
}
