package org.lstm4j.tuning;

/**
 * PyTorch's {@code StepLR} in closed form:
 * <pre>
 *   lr(t) = base * gamma^floor(t / step_size),   t = epoch - 1
 * </pre>
 * With {@code step_size 30} epochs 1..30 run at {@code base}, 31..60 at {@code base * gamma}, ...
 *
 * @param baseLearningRate the initial rate, PyTorch's {@code base_lr}
 * @param stepSize         epochs between drops, {@code >= 1}
 * @param gamma            multiplier applied at each drop, {@code > 0}
 */
public record StepDecay(double baseLearningRate, int stepSize, double gamma) implements LearningRateSchedule {

    /** Checks the ranges, naming the offending field. */
    public StepDecay {
        if (!(baseLearningRate > 0) || Double.isInfinite(baseLearningRate)) {
            throw new IllegalArgumentException("learning_rate must be > 0 and finite, was " + baseLearningRate);
        }
        if (stepSize < 1) {
            throw new IllegalArgumentException("step_size must be >= 1, was " + stepSize);
        }
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("gamma must be > 0 and finite, was " + gamma);
        }
    }

    /** {@inheritDoc} */
    @Override
    public double learningRate(int epoch) {
        LearningRateSchedule.checkEpoch(epoch);
        int t = epoch - 1;
        return baseLearningRate * Math.pow(gamma, t / stepSize);
    }
}
