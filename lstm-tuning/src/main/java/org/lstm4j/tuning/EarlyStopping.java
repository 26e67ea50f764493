package org.lstm4j.tuning;

import java.util.Objects;
import java.util.Optional;
import org.lstm4j.api.EarlyStoppingSpec;
import org.lstm4j.api.EarlyStoppingSpec.Monitor;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.StopReason;
import org.lstm4j.api.TrainingControl;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingResult;

/**
 * Stops training when the monitored loss has stopped improving, with the semantics of Keras'
 * {@code EarlyStopping} (mode {@code min}, no baseline). Epoch numbers are 1-based, as in
 * {@link EpochResult#epoch()}.
 *
 * <ul>
 *   <li>Epochs {@code 1 .. start_from_epoch} are not monitored at all (Keras' 0-based
 *       {@code epoch < start_from_epoch}).</li>
 *   <li>A monitored epoch is an <em>improvement</em> when {@code value < best - min_delta}
 *       ({@code min_delta} is absolute); {@code best} starts at {@code +inf}, so the first monitored epoch
 *       with a finite value improves. A NaN value never improves.</li>
 *   <li>Every monitored epoch adds one to a wait counter; an improvement resets it to 0. When the counter
 *       reaches {@code patience} training is stopped after that epoch through
 *       {@link TrainingControl#requestStop(StopReason) requestStop(EARLY_STOPPING)} &mdash; never by an
 *       exception. With patience 2 and losses {@code [1, 0.9, 0.95, 0.95]} it stops after epoch 4. As in
 *       Keras, no stop is requested after epoch 1.</li>
 *   <li>With {@code restore_best}, the weights are snapshotted with {@link TrainingControl#markBest()} at
 *       each improvement (and at the first monitored epoch, as Keras does, even if its value is NaN), and
 *       {@link TrainingControl#restoreBest()} is called exactly once in {@link #onEnd}, whether or not
 *       training stopped early. {@code onEnd} receives no control, so the listener uses the control it was
 *       last given ({@link #onStart} or {@link #onEpochEnd}): a trainer must call {@code onEnd} while that
 *       control still acts on the network it returns. Without {@code restore_best} no weights are copied.</li>
 *   <li>{@code patience: 0} switches early stopping off: the listener then does nothing.</li>
 * </ul>
 *
 * <p>A monitor the run cannot produce is a configuration error: call {@link #problem} before training.
 * A listener instance may be reused; {@link #onStart} resets it. A training resumed from a checkpoint goes on with
 * the {@link #state()} taken then, given back by {@link #restore} before the training resumes ({@link #onResume}
 * keeps it). Not thread-safe (one training at a time).
 */
public final class EarlyStopping implements TrainingListener {
    private final EarlyStoppingSpec spec;
    private TrainingControl control;
    private double best;
    private int wait;
    private int bestEpoch;
    private int stoppedEpoch;

    /**
     * @param spec patience, min_delta, monitor, restore_best and start_from_epoch
     */
    public EarlyStopping(EarlyStoppingSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        reset();
    }

    /**
     * Why {@code spec} cannot run, or empty when it can: a {@code val_loss} monitor needs a validation
     * part. The configuration loader calls this before training starts.
     *
     * @param spec          the early-stopping spec
     * @param hasValidation whether the run has a validation part ({@code data.split.validation > 0})
     * @return a message such as {@code monitor val_loss needs a validation part (data.split.validation > 0)}
     */
    public static Optional<String> problem(EarlyStoppingSpec spec, boolean hasValidation) {
        if (spec.enabled() && spec.monitor().needsValidation() && !hasValidation) {
            return Optional.of("monitor " + MonitoredValue.name(spec.monitor())
                    + " needs a validation part (data.split.validation > 0)");
        }
        return Optional.empty();
    }

    /** The spec this listener follows. */
    public EarlyStoppingSpec spec() {
        return spec;
    }

    /** The 1-based epoch with the best monitored value so far, 0 before any monitored epoch. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The 1-based epoch after which a stop was requested, 0 if none was. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The best monitored value so far, {@code +inf} before any improvement. */
    public double best() {
        return best;
    }

    /** Monitored epochs since the last improvement. */
    public int epochsWithoutImprovement() {
        return wait;
    }

    /** What this listener has counted so far, for a checkpoint; {@link #restore} puts it back. */
    public State state() {
        return new State(best, wait, bestEpoch, stoppedEpoch);
    }

    /** Continues from {@code state}, taken by {@link #state()} of a listener of the same spec. */
    public void restore(State state) {
        Objects.requireNonNull(state, "state");
        best = state.best();
        wait = state.epochsWithoutImprovement();
        bestEpoch = state.bestEpoch();
        stoppedEpoch = state.stoppedEpoch();
    }

    /** Keeps the restored state and remembers {@code control} for the final restore. */
    @Override
    public void onResume(TrainingControl control, int epochsCompleted) {
        this.control = control;
    }

    /** Resets the state and remembers {@code control} for the final restore. */
    @Override
    public void onStart(TrainingControl control) {
        reset();
        this.control = control;
    }

    /** Watches one epoch; may mark the best weights and request a stop. */
    @Override
    public void onEpochEnd(EpochResult epoch, TrainingControl control) {
        this.control = control;
        if (!spec.enabled() || epoch.epoch() <= spec.startFromEpoch()) {
            return;
        }
        double value = MonitoredValue.of(spec.monitor(), epoch);
        boolean improved = value < best - spec.minDelta();
        wait++;
        if (improved || bestEpoch == 0) {
            bestEpoch = epoch.epoch();
            if (spec.restoreBest()) {
                control.markBest();
            }
        }
        if (improved) {
            best = value;
            wait = 0;
            return;
        }
        if (wait >= spec.patience() && epoch.epoch() > 1 && stoppedEpoch == 0) {
            stoppedEpoch = epoch.epoch();
            control.requestStop(StopReason.EARLY_STOPPING);
        }
    }

    /** With {@code restore_best}, restores the best epoch's weights once, stopped early or not. */
    @Override
    public void onEnd(TrainingResult result) {
        if (spec.enabled() && spec.restoreBest() && bestEpoch > 0 && control != null) {
            control.restoreBest();
        }
    }

    private void reset() {
        control = null;
        best = Double.POSITIVE_INFINITY;
        wait = 0;
        bestEpoch = 0;
        stoppedEpoch = 0;
    }

    /**
     * The counters of an {@link EarlyStopping} after some epoch.
     *
     * @param best                     the best monitored value, {@code +inf} before any improvement
     * @param epochsWithoutImprovement monitored epochs since the last improvement
     * @param bestEpoch                the best epoch, 0 before any monitored epoch
     * @param stoppedEpoch             the epoch after which a stop was requested, 0 if none was
     */
    public record State(double best, int epochsWithoutImprovement, int bestEpoch, int stoppedEpoch) {}
}
