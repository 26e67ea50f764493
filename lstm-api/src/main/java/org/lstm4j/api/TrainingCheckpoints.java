package org.lstm4j.api;

import java.util.Optional;

/**
 * Where a {@link Trainer} puts its state after an epoch and finds it again to resume (see
 * {@link Trainer#fit(WindowedData, WindowedData, TrainingListener, TrainingCheckpoints)}). lstm4j's engine
 * implements it over a checkpoint file in the run's working directory; a test may keep states in memory.
 */
public interface TrainingCheckpoints {

    /** No checkpoints: nothing to resume from, nothing saved. */
    TrainingCheckpoints NONE = new TrainingCheckpoints() {
        @Override
        public boolean dueAfter(int epoch) {
            return false;
        }

        @Override
        public Optional<TrainingState> resumeFrom() {
            return Optional.empty();
        }

        @Override
        public void save(TrainingState state) {
            throw new IllegalStateException("TrainingCheckpoints.NONE saves nothing");
        }
    };

    /** Whether the trainer should {@link #save} after the 1-based {@code epoch}. */
    boolean dueAfter(int epoch);

    /** The state to continue from, or empty to start from the seed. Asked once, before the first epoch. */
    Optional<TrainingState> resumeFrom();

    /**
     * Keeps {@code state}, replacing the previous one. Called after the epoch's listeners have run, so that their
     * own state can be taken at the same moment.
     *
     * @throws java.io.UncheckedIOException when it cannot be written; the training then fails
     */
    void save(TrainingState state);
}
