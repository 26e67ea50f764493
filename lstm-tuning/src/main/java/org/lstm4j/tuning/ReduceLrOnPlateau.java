package org.lstm4j.tuning;

import java.util.Objects;
import org.lstm4j.api.EarlyStoppingSpec.Monitor;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.SchedulerSpec;
import org.lstm4j.api.SchedulerSpec.ThresholdMode;
import org.lstm4j.api.TrainingControl;
import org.lstm4j.api.TrainingListener;

/**
 * PyTorch's {@code ReduceLROnPlateau} (mode {@code min}), step for step. After every epoch, with the
 * monitored value {@code a}:
 * <pre>
 *   better = rel: a &lt; best * (1 - threshold)      abs: a &lt; best - threshold      (best starts at +inf)
 *   if better: best = a; num_bad_epochs = 0  else: num_bad_epochs += 1
 *   if cooldown_counter &gt; 0: cooldown_counter -= 1; num_bad_epochs = 0    (bad epochs in cooldown are ignored)
 *   if num_bad_epochs &gt; patience:
 *       new_lr = max(old_lr * factor, min_lr); if old_lr - new_lr &gt; eps: set new_lr
 *       cooldown_counter = cooldown; num_bad_epochs = 0
 * </pre>
 * The first epoch sets the baseline, so the rate drops on the {@code (patience + 1)}-th consecutive bad
 * epoch and applies from the next epoch on. {@code old_lr} is the control's current rate. A NaN value is a
 * bad epoch (it is never better), as in PyTorch.
 *
 * <p><b>Monitor.</b> The value watched is the given monitor's ({@code val_loss} or {@code train_loss}).
 * When the monitor is {@code val_loss} but the first epoch seen has no validation loss (the run has no
 * validation part), the listener watches {@code train_loss} for the whole run; the decision is taken once,
 * so a validation loss that later turns NaN counts as a bad epoch rather than switching the series.
 *
 * <p><b>Warm-up.</b> With {@code warmup_epochs = W > 0}, epochs {@code 1..W} run at
 * {@code base * e / W} (see {@link LinearWarmUp}) and are not watched; epoch {@code W + 1} runs at
 * {@code base} and is the plateau logic's first epoch (its baseline). Without warm-up the listener never
 * touches the rate before the first drop: epoch 1 runs at the optimizer's rate, as in PyTorch.
 *
 * <p>{@link #onStart} resets the state, so an instance may be reused. A training resumed from a checkpoint goes on
 * with the {@link #state()} taken then, given back by {@link #restore} before the training resumes
 * ({@link #onResume} keeps it; the learning rate itself is the trainer's). Not thread-safe.
 */
public final class ReduceLrOnPlateau implements TrainingListener {
    private final SchedulerSpec.Plateau spec;
    private final double baseLearningRate;
    private final Monitor requested;
    private Monitor watched;
    private double best;
    private int numBadEpochs;
    private int cooldownCounter;

    /**
     * @param spec             factor, patience, threshold, threshold mode, cooldown, min_lr, eps, warm-up
     * @param baseLearningRate the optimizer's initial rate; used only by the warm-up
     * @param monitor          the value to watch; {@code val_loss} falls back to {@code train_loss} without validation
     */
    public ReduceLrOnPlateau(SchedulerSpec.Plateau spec, double baseLearningRate, Monitor monitor) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.requested = Objects.requireNonNull(monitor, "monitor");
        if (!(baseLearningRate > 0) || Double.isInfinite(baseLearningRate)) {
            throw new IllegalArgumentException("learning_rate must be > 0 and finite, was " + baseLearningRate);
        }
        this.baseLearningRate = baseLearningRate;
        reset();
    }

    /** The spec this listener follows. */
    public SchedulerSpec.Plateau spec() {
        return spec;
    }

    /** The value watched: the requested monitor until the first epoch, then the one actually used. */
    public Monitor monitor() {
        return watched == null ? requested : watched;
    }

    /** The best value seen, {@code +inf} before the first better one. */
    public double best() {
        return best;
    }

    /** PyTorch's {@code num_bad_epochs}. */
    public int numBadEpochs() {
        return numBadEpochs;
    }

    /** PyTorch's {@code cooldown_counter}: epochs of cooldown still to come. */
    public int cooldownCounter() {
        return cooldownCounter;
    }

    /** What this listener has counted so far, for a checkpoint; {@link #restore} puts it back. */
    public State state() {
        return new State(watched, best, numBadEpochs, cooldownCounter);
    }

    /** Continues from {@code state}, taken by {@link #state()} of a listener of the same spec and monitor. */
    public void restore(State state) {
        Objects.requireNonNull(state, "state");
        watched = state.watched();
        best = state.best();
        numBadEpochs = state.numBadEpochs();
        cooldownCounter = state.cooldownCounter();
    }

    /** Keeps the restored state: the rate of the next epoch is the trainer's, restored with it. */
    @Override
    public void onResume(TrainingControl control, int epochsCompleted) {
    }

    /** Resets the state; with a warm-up, sets epoch 1's warm-up rate. */
    @Override
    public void onStart(TrainingControl control) {
        reset();
        if (spec.warmupEpochs() > 0) {
            control.setLearningRate(LinearWarmUp.warmUpRate(baseLearningRate, spec.warmupEpochs(), 1));
        }
    }

    /** Advances the warm-up, or applies one PyTorch {@code step} with the epoch's monitored value. */
    @Override
    public void onEpochEnd(EpochResult epoch, TrainingControl control) {
        if (watched == null) {
            watched = requested.needsValidation() && !epoch.hasValidation() ? Monitor.TRAIN_LOSS : requested;
        }
        int warmup = spec.warmupEpochs();
        if (epoch.epoch() <= warmup) {
            int next = epoch.epoch() + 1;
            control.setLearningRate(next <= warmup
                    ? LinearWarmUp.warmUpRate(baseLearningRate, warmup, next) : baseLearningRate);
            return;
        }
        step(MonitoredValue.of(watched, epoch), control);
    }

    /**
     * One PyTorch {@code step(metrics)}: updates the counters with {@code value} and lowers the control's
     * rate when the plateau has lasted more than {@code patience} epochs.
     *
     * @param value   the monitored value of the epoch just finished
     * @param control where the rate is read and set
     */
    public void step(double value, TrainingControl control) {
        if (isBetter(value)) {
            best = value;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > spec.patience()) {
            reduce(control);
            cooldownCounter = spec.cooldown();
            numBadEpochs = 0;
        }
    }

    private boolean isBetter(double value) {
        if (spec.thresholdMode() == ThresholdMode.REL) {
            return value < best * (1.0 - spec.threshold());
        }
        return value < best - spec.threshold();
    }

    private void reduce(TrainingControl control) {
        double oldRate = control.learningRate();
        double newRate = Math.max(oldRate * spec.factor(), spec.minLr());
        if (oldRate - newRate > spec.eps()) {
            control.setLearningRate(newRate);
        }
    }

    private void reset() {
        watched = null;
        best = Double.POSITIVE_INFINITY;
        numBadEpochs = 0;
        cooldownCounter = 0;
    }

    /**
     * The counters of a {@link ReduceLrOnPlateau} after some epoch.
     *
     * @param watched         the value watched, or {@code null} before the first epoch decided it
     * @param best            the best value seen, {@code +inf} before the first better one
     * @param numBadEpochs    PyTorch's {@code num_bad_epochs}
     * @param cooldownCounter PyTorch's {@code cooldown_counter}
     */
    public record State(Monitor watched, double best, int numBadEpochs, int cooldownCounter) {}
}
