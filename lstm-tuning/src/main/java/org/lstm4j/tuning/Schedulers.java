package org.lstm4j.tuning;

import java.util.Objects;
import java.util.Optional;
import org.lstm4j.api.EarlyStoppingSpec.Monitor;
import org.lstm4j.api.SchedulerSpec;
import org.lstm4j.api.TrainingListener;

/** Turns a {@link SchedulerSpec} ({@code training.scheduler}) into the listener that applies it. */
public final class Schedulers {
    private Schedulers() {}

    /**
     * The listener applying {@code spec}.
     *
     * @param spec             none, plateau, cosine or step
     * @param baseLearningRate the optimizer's initial rate ({@code training.optimizer.learning_rate})
     * @param monitor          what a plateau watches ({@code val_loss} falls back to {@code train_loss} without validation)
     * @return {@link TrainingListener#NONE} for {@link SchedulerSpec.None}, a {@link ReduceLrOnPlateau} for a
     *         plateau, a {@link ScheduleListener} for cosine and step
     */
    public static TrainingListener forSpec(SchedulerSpec spec, double baseLearningRate, Monitor monitor) {
        Objects.requireNonNull(spec, "spec");
        if (spec instanceof SchedulerSpec.Plateau plateau) {
            return new ReduceLrOnPlateau(plateau, baseLearningRate, monitor);
        }
        return schedule(spec, baseLearningRate).<TrainingListener>map(ScheduleListener::new).orElse(TrainingListener.NONE);
    }

    /**
     * The rate-by-epoch function of a schedule that does not depend on the losses, warm-up included.
     *
     * @return cosine or step (after their warm-up); empty for none and plateau
     */
    public static Optional<LearningRateSchedule> schedule(SchedulerSpec spec, double baseLearningRate) {
        if (spec instanceof SchedulerSpec.Cosine cosine) {
            return Optional.of(new CosineAnnealing(baseLearningRate, cosine.tMax(), cosine.etaMin())
                    .afterWarmUp(baseLearningRate, cosine.warmupEpochs()));
        }
        if (spec instanceof SchedulerSpec.Step step) {
            return Optional.of(new StepDecay(baseLearningRate, step.stepSize(), step.gamma())
                    .afterWarmUp(baseLearningRate, step.warmupEpochs()));
        }
        return Optional.empty();
    }
}
