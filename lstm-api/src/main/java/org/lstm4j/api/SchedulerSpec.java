package org.lstm4j.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Learning-rate schedules, chosen in YAML by {@code type}. */
public sealed interface SchedulerSpec {

    /** A constant learning rate. */
    record None() implements SchedulerSpec {}

    /**
     * PyTorch's ReduceLROnPlateau.
     *
     * @param factor        multiplier applied on a plateau
     * @param patience      bad epochs tolerated before a drop
     * @param threshold     improvement that counts
     * @param thresholdMode rel or abs
     * @param cooldown      epochs after a drop during which bad epochs are not counted
     * @param minLr         lower bound of the learning rate
     * @param eps           a drop smaller than this is skipped
     * @param warmupEpochs  linear warm-up epochs before the schedule starts
     */
    record Plateau(@DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) double factor,
                   @Min(0) int patience, @DecimalMin("0") double threshold, @NotNull ThresholdMode thresholdMode,
                   @Min(0) int cooldown, @DecimalMin("0") double minLr, @DecimalMin("0") double eps,
                   @Min(0) int warmupEpochs) implements SchedulerSpec {
        public Plateau {
            SpecChecks.require(Plateau.class, factor, patience, threshold, thresholdMode, cooldown, minLr, eps, warmupEpochs);
        }

        public static Plateau defaults() {
            return new Plateau(0.1, 10, 1e-4, ThresholdMode.REL, 0, 0.0, 1e-8, 0);
        }

        public Plateau withFactor(double value) {
            return new Plateau(value, patience, threshold, thresholdMode, cooldown, minLr, eps, warmupEpochs);
        }

        public Plateau withPatience(int value) {
            return new Plateau(factor, value, threshold, thresholdMode, cooldown, minLr, eps, warmupEpochs);
        }

        public Plateau withThreshold(double value) {
            return new Plateau(factor, patience, value, thresholdMode, cooldown, minLr, eps, warmupEpochs);
        }

        public Plateau withThresholdMode(ThresholdMode value) {
            return new Plateau(factor, patience, threshold, value, cooldown, minLr, eps, warmupEpochs);
        }

        public Plateau withCooldown(int value) {
            return new Plateau(factor, patience, threshold, thresholdMode, value, minLr, eps, warmupEpochs);
        }

        public Plateau withMinLr(double value) {
            return new Plateau(factor, patience, threshold, thresholdMode, cooldown, value, eps, warmupEpochs);
        }

        public Plateau withEps(double value) {
            return new Plateau(factor, patience, threshold, thresholdMode, cooldown, minLr, value, warmupEpochs);
        }

        public Plateau withWarmupEpochs(int value) {
            return new Plateau(factor, patience, threshold, thresholdMode, cooldown, minLr, eps, value);
        }
    }

    /**
     * Cosine annealing from the initial rate to {@code etaMin} over {@code tMax} epochs.
     *
     * @param tMax         half period in epochs
     * @param etaMin       lowest learning rate
     * @param warmupEpochs linear warm-up epochs before the schedule starts
     */
    record Cosine(@Min(1) int tMax, @DecimalMin("0") double etaMin, @Min(0) int warmupEpochs) implements SchedulerSpec {
        public Cosine {
            SpecChecks.require(Cosine.class, tMax, etaMin, warmupEpochs);
        }

        public static Cosine defaults() {
            return new Cosine(100, 0.0, 0);
        }

        public Cosine withTMax(int value) {
            return new Cosine(value, etaMin, warmupEpochs);
        }

        public Cosine withEtaMin(double value) {
            return new Cosine(tMax, value, warmupEpochs);
        }

        public Cosine withWarmupEpochs(int value) {
            return new Cosine(tMax, etaMin, value);
        }
    }

    /**
     * Multiply the learning rate by {@code gamma} every {@code stepSize} epochs.
     *
     * @param stepSize     epochs between drops
     * @param gamma        multiplier
     * @param warmupEpochs linear warm-up epochs before the schedule starts
     */
    record Step(@Min(1) int stepSize, @DecimalMin(value = "0", inclusive = false) double gamma,
                @Min(0) int warmupEpochs) implements SchedulerSpec {
        public Step {
            SpecChecks.require(Step.class, stepSize, gamma, warmupEpochs);
        }

        public static Step defaults() {
            return new Step(30, 0.1, 0);
        }

        public Step withStepSize(int value) {
            return new Step(value, gamma, warmupEpochs);
        }

        public Step withGamma(double value) {
            return new Step(stepSize, value, warmupEpochs);
        }

        public Step withWarmupEpochs(int value) {
            return new Step(stepSize, gamma, value);
        }
    }

    /** How plateau compares a new value to the best. */
    enum ThresholdMode { REL, ABS }
}
