package org.lstm4j.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link TrainingControl} without a backend, for testing a {@link TrainingListener}: it keeps a learning rate and
 * records every stop request, learning-rate change, weight snapshot and restore, so a test drives the listener and
 * then asserts on what it asked for.
 *
 * <pre>{@code
 * RecordingTrainingControl control = new RecordingTrainingControl(0.01);
 * listener.onStart(control);
 * double[] valLosses = {1.0, 0.8, 0.9, 0.95};
 * for (int e = 1; e <= valLosses.length && !control.stopRequested(); e++) {
 *     listener.onEpochEnd(EpochResult.builder().epoch(e).trainLoss(1.0).valLoss(valLosses[e - 1])
 *             .learningRate(control.learningRate()).build(), control.atEpoch(e));
 * }
 * assertThat(control.stopReason()).contains(StopReason.EARLY_STOPPING);
 * assertThat(control.markedEpochs()).containsExactly(1, 2);
 * }</pre>
 *
 * <p>It behaves as a real trainer's control does where a listener could tell: the first stop request wins and a
 * {@code null} reason counts as {@link StopReason#REQUESTED}; a negative, NaN or infinite learning rate is refused.
 * Snapshots are attributed to the epoch last given to {@link #atEpoch(int)}. Not thread-safe.
 */
public final class RecordingTrainingControl implements TrainingControl {
    private final TrainedModel model;
    private double learningRate;
    private int epoch;
    private final List<StopReason> stopRequests = new ArrayList<>();
    private final List<Double> learningRateChanges = new ArrayList<>();
    private final List<Integer> markedEpochs = new ArrayList<>();
    private final List<Integer> restores = new ArrayList<>();

    /** A control starting at {@code learningRate}, without a model ({@link #currentModel()} throws). */
    public RecordingTrainingControl(double learningRate) {
        this(learningRate, null);
    }

    /**
     * A control starting at {@code learningRate} whose {@link #currentModel()} is {@code model}.
     *
     * @param model the model a listener may evaluate between epochs, or {@code null} for none
     */
    public RecordingTrainingControl(double learningRate, TrainedModel model) {
        this.learningRate = learningRate;
        this.model = model;
    }

    /** Sets the epoch now running (1-based), to which later snapshots are attributed; returns this control. */
    public RecordingTrainingControl atEpoch(int value) {
        epoch = value;
        return this;
    }

    /** The epoch last given to {@link #atEpoch(int)}; 0 before any. */
    public int epoch() {
        return epoch;
    }

    /** Records the request; the first one decides {@link #stopReason()}. */
    @Override
    public void requestStop(StopReason reason) {
        stopRequests.add(reason == null ? StopReason.REQUESTED : reason);
    }

    /** Whether any listener asked to stop. */
    public boolean stopRequested() {
        return !stopRequests.isEmpty();
    }

    /** The reason of the first stop request, the one a trainer would act on; empty when none was made. */
    public Optional<StopReason> stopReason() {
        return stopRequests.stream().findFirst();
    }

    /** Every stop request, in order. */
    public List<StopReason> stopRequests() {
        return List.copyOf(stopRequests);
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    /**
     * Records the change and uses the new rate from now on.
     *
     * @throws IllegalArgumentException when the rate is negative, NaN or infinite, as a real trainer does
     */
    @Override
    public void setLearningRate(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("learning rate must be >= 0 and finite, was " + value);
        }
        learningRateChanges.add(value);
        learningRate = value;
    }

    /** Every rate given to {@link #setLearningRate(double)}, in order (unchanged rates included). */
    public List<Double> learningRateChanges() {
        return List.copyOf(learningRateChanges);
    }

    /** Records a snapshot at the current {@link #epoch()}. */
    @Override
    public void markBest() {
        markedEpochs.add(epoch);
    }

    /** The epoch of every snapshot taken by {@link #markBest()}, in order. */
    public List<Integer> markedEpochs() {
        return List.copyOf(markedEpochs);
    }

    /** Records a restore of the last snapshot. */
    @Override
    public void restoreBest() {
        restores.add(markedEpochs.isEmpty() ? 0 : markedEpochs.get(markedEpochs.size() - 1));
    }

    /**
     * One entry per {@link #restoreBest()} call: the epoch of the snapshot it restored, or 0 when there was none
     * (a real trainer then does nothing).
     */
    public List<Integer> restores() {
        return List.copyOf(restores);
    }

    /**
     * The model given to the constructor.
     *
     * @throws IllegalStateException when this control was built without one
     */
    @Override
    public TrainedModel currentModel() {
        if (model == null) {
            throw new IllegalStateException("this RecordingTrainingControl has no model; build it with "
                    + "new RecordingTrainingControl(learningRate, model)");
        }
        return model;
    }
}
