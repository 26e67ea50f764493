package org.lstm4j.tuning;

import java.util.Objects;

/**
 * A linear warm-up before another schedule ({@code warmup_epochs}).
 *
 * <p>Rule, with {@code W = warmupEpochs} and 1-based epochs {@code e}:
 * <pre>
 *   e &lt;= W :  lr = base * e / W                 (base/W, 2*base/W, ..., base)
 *   e &gt;  W :  lr = after.learningRate(e - W)    (the schedule starts counting afresh)
 * </pre>
 * So the last warm-up epoch and the schedule's first epoch both run at {@code base}; a cosine or step
 * schedule's {@code t} is 0 in epoch {@code W + 1}. In PyTorch's 0-based terms: {@code e0 < W} gives
 * {@code base * (e0 + 1) / W}.
 *
 * @param baseLearningRate the rate the warm-up climbs to
 * @param warmupEpochs     warm-up epochs, {@code >= 1}
 * @param after            the schedule that follows, counting its epochs from 1
 */
public record LinearWarmUp(double baseLearningRate, int warmupEpochs, LearningRateSchedule after)
        implements LearningRateSchedule {

    /** Checks the ranges, naming the offending field. */
    public LinearWarmUp {
        if (!(baseLearningRate > 0) || Double.isInfinite(baseLearningRate)) {
            throw new IllegalArgumentException("learning_rate must be > 0 and finite, was " + baseLearningRate);
        }
        if (warmupEpochs < 1) {
            throw new IllegalArgumentException("warmup_epochs must be >= 1, was " + warmupEpochs);
        }
        Objects.requireNonNull(after, "after");
    }

    /** Whether {@code epoch} (1-based) is a warm-up epoch. */
    public boolean warmingUp(int epoch) {
        return epoch <= warmupEpochs;
    }

    /** The warm-up rate of a 1-based epoch {@code <= warmupEpochs}: {@code base * epoch / warmupEpochs}. */
    public static double warmUpRate(double baseLearningRate, int warmupEpochs, int epoch) {
        return baseLearningRate * epoch / warmupEpochs;
    }

    /** {@inheritDoc} */
    @Override
    public double learningRate(int epoch) {
        LearningRateSchedule.checkEpoch(epoch);
        return warmingUp(epoch) ? warmUpRate(baseLearningRate, warmupEpochs, epoch) : after.learningRate(epoch - warmupEpochs);
    }
}
