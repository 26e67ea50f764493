package org.lstm4j.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The training loop.
 *
 * @param epochs            passes over the train part
 * @param batchSize         windows per step, or full
 * @param shuffle           shuffle the train windows each epoch
 * @param optimizer         optimizer and learning rate
 * @param loss              mse, mae or huber
 * @param l2                L2 penalty added to the gradient (coupled)
 * @param weightDecay       decoupled weight decay (AdamW style)
 * @param gradientClipping  none, norm or value
 * @param accumulationSteps micro-batches per optimizer step
 * @param precision         float32, float64 or float16
 * @param scheduler         learning-rate schedule
 * @param earlyStopping     early stopping
 * @param threads           compute threads of the backend; 0 lets lstm4j choose: system property
 *                          {@code lstm4j.threads}, else environment variable {@code OMP_NUM_THREADS}, else 1
 *                          (the fastest measured for these networks, {@code docs/sdk.md}). The setting is
 *                          process-wide: the last run to start sets it for every run in the JVM
 * @param checkpoint        how often the run's state is checkpointed, for {@code --resume}
 */
public record TrainingSpec(
        @Min(1) @Max(1_000_000) int epochs,
        @NotNull BatchSize batchSize,
        boolean shuffle,
        @NotNull OptimizerSpec optimizer,
        @NotNull LossType loss,
        @DecimalMin("0") double l2,
        @DecimalMin("0") double weightDecay,
        @NotNull GradientClippingSpec gradientClipping,
        @Min(1) int accumulationSteps,
        @NotNull Precision precision,
        @NotNull SchedulerSpec scheduler,
        @NotNull EarlyStoppingSpec earlyStopping,
        @Min(0) @Max(1024) int threads,
        @NotNull CheckpointSpec checkpoint) {

    public TrainingSpec {
        SpecChecks.require(TrainingSpec.class, epochs, batchSize, shuffle, optimizer, loss, l2, weightDecay,
                gradientClipping, accumulationSteps, precision, scheduler, earlyStopping, threads, checkpoint);
    }

    /** A spec with the default checkpoints ({@link CheckpointSpec#defaults()}). */
    public TrainingSpec(int epochs, BatchSize batchSize, boolean shuffle, OptimizerSpec optimizer, LossType loss, double l2,
            double weightDecay, GradientClippingSpec gradientClipping, int accumulationSteps, Precision precision,
            SchedulerSpec scheduler, EarlyStoppingSpec earlyStopping, int threads) {
        this(epochs, batchSize, shuffle, optimizer, loss, l2, weightDecay, gradientClipping, accumulationSteps, precision,
                scheduler, earlyStopping, threads, CheckpointSpec.defaults());
    }

    /** A spec whose thread count lstm4j chooses ({@code threads} 0), with the default checkpoints. */
    public TrainingSpec(int epochs, BatchSize batchSize, boolean shuffle, OptimizerSpec optimizer, LossType loss, double l2,
            double weightDecay, GradientClippingSpec gradientClipping, int accumulationSteps, Precision precision,
            SchedulerSpec scheduler, EarlyStoppingSpec earlyStopping) {
        this(epochs, batchSize, shuffle, optimizer, loss, l2, weightDecay, gradientClipping, accumulationSteps, precision,
                scheduler, earlyStopping, 0);
    }

    /**
     * 100 epochs of Adam(0.001), batches of 64, shuffled, MSE; a checkpoint every 10 epochs when the run has a
     * working directory.
     */
    public static TrainingSpec defaults() {
        return new TrainingSpec(100, BatchSize.of(64), true, OptimizerSpec.defaults(), LossType.MSE, 0.0, 0.0,
                new GradientClippingSpec.None(), 1, Precision.FLOAT32, new SchedulerSpec.None(), EarlyStoppingSpec.defaults());
    }

    public TrainingSpec withEpochs(int value) {
        return new TrainingSpec(value, batchSize, shuffle, optimizer, loss, l2, weightDecay, gradientClipping,
                accumulationSteps, precision, scheduler, earlyStopping, threads, checkpoint);
    }

    public TrainingSpec withBatchSize(BatchSize value) {
        return new TrainingSpec(epochs, value, shuffle, optimizer, loss, l2, weightDecay, gradientClipping,
                accumulationSteps, precision, scheduler, earlyStopping, threads, checkpoint);
    }

    public TrainingSpec withShuffle(boolean value) {
        return new TrainingSpec(epochs, batchSize, value, optimizer, loss, l2, weightDecay, gradientClipping,
                accumulationSteps, precision, scheduler, earlyStopping, threads, checkpoint);
    }

    public TrainingSpec withOptimizer(OptimizerSpec value) {
        return new TrainingSpec(epochs, batchSize, shuffle, value, loss, l2, weightDecay, gradientClipping,
                accumulationSteps, precision, scheduler, earlyStopping, threads, checkpoint);
    }

    public TrainingSpec withLoss(LossType value) {
        return new TrainingSpec(epochs, batchSize, shuffle, optimizer, value, l2, weightDecay, gradientClipping,
                accumulationSteps, precision, scheduler, earlyStopping, threads, checkpoint);
    }

    public TrainingSpec withL2(double value) {
        return new TrainingSpec(epochs, batchSize, shuffle, optimizer, loss, value, weightDecay, gradientClipping,
                accumulationSteps, precision, scheduler, earlyStopping, threads, checkpoint);
    }

    public TrainingSpec withWeightDecay(double value) {
        return new TrainingSpec(epochs, batchSize, shuffle, optimizer, loss, l2, value, gradientClipping,
                accumulationSteps, precision, scheduler, earlyStopping, threads, checkpoint);
    }

    public TrainingSpec withGradientClipping(GradientClippingSpec value) {
        return new TrainingSpec(epochs, batchSize, shuffle, optimizer, loss, l2, weightDecay, value,
                accumulationSteps, precision, scheduler, earlyStopping, threads, checkpoint);
    }

    public TrainingSpec withAccumulationSteps(int value) {
        return new TrainingSpec(epochs, batchSize, shuffle, optimizer, loss, l2, weightDecay, gradientClipping,
                value, precision, scheduler, earlyStopping, threads, checkpoint);
    }

    public TrainingSpec withPrecision(Precision value) {
        return new TrainingSpec(epochs, batchSize, shuffle, optimizer, loss, l2, weightDecay, gradientClipping,
                accumulationSteps, value, scheduler, earlyStopping, threads, checkpoint);
    }

    public TrainingSpec withScheduler(SchedulerSpec value) {
        return new TrainingSpec(epochs, batchSize, shuffle, optimizer, loss, l2, weightDecay, gradientClipping,
                accumulationSteps, precision, value, earlyStopping, threads, checkpoint);
    }

    public TrainingSpec withEarlyStopping(EarlyStoppingSpec value) {
        return new TrainingSpec(epochs, batchSize, shuffle, optimizer, loss, l2, weightDecay, gradientClipping,
                accumulationSteps, precision, scheduler, value, threads, checkpoint);
    }

    /**
     * The same loop with {@code value} compute threads; 0 lets lstm4j choose (see {@link #threads()}).
     */
    public TrainingSpec withThreads(int value) {
        return new TrainingSpec(epochs, batchSize, shuffle, optimizer, loss, l2, weightDecay, gradientClipping,
                accumulationSteps, precision, scheduler, earlyStopping, value, checkpoint);
    }

    /** The same loop checkpointed as {@code value} says ({@code training.checkpoint}). */
    public TrainingSpec withCheckpoint(CheckpointSpec value) {
        return new TrainingSpec(epochs, batchSize, shuffle, optimizer, loss, l2, weightDecay, gradientClipping,
                accumulationSteps, precision, scheduler, earlyStopping, threads, value);
    }

    /** Training losses. */
    public enum LossType {
        /** Mean squared error. */
        MSE,
        /** Mean absolute error. */
        MAE,
        /** Huber (smooth L1) with delta 1, PyTorch's {@code HuberLoss()} default. */
        HUBER
    }

    /** Floating-point precision of parameters and activations. */
    public enum Precision { FLOAT32, FLOAT64, FLOAT16 }
}
