package org.lstm4j.tuning;

/**
 * PyTorch's {@code CosineAnnealingLR} in closed form ({@code _get_closed_form_lr}):
 * <pre>
 *   lr(t) = eta_min + (base - eta_min) * (1 + cos(pi * t / t_max)) / 2,   t = epoch - 1
 * </pre>
 * Epoch 1 runs at exactly {@code base} (no rounding through the formula, as in PyTorch, whose first epoch
 * keeps the optimizer's rate), epoch {@code t_max + 1} at {@code eta_min}.
 *
 * <p><b>After {@code t_max}</b> the closed form keeps following the cosine: the rate rises again, back to
 * {@code base} at {@code t = 2 * t_max}, and so on periodically (no clamping at {@code eta_min}, no warm
 * restart). This is exactly PyTorch's closed form; PyTorch's recursive (chainable) form follows the same
 * curve. Choose {@code t_max >= epochs - 1} to anneal once and end at or above {@code eta_min}.
 *
 * @param baseLearningRate the initial (maximum) rate, PyTorch's {@code base_lr}
 * @param tMax             half period in epochs, {@code >= 1}
 * @param etaMin           the lowest rate, {@code >= 0}
 */
public record CosineAnnealing(double baseLearningRate, int tMax, double etaMin) implements LearningRateSchedule {

    /** Checks the ranges, naming the offending field. */
    public CosineAnnealing {
        if (!(baseLearningRate > 0) || Double.isInfinite(baseLearningRate)) {
            throw new IllegalArgumentException("learning_rate must be > 0 and finite, was " + baseLearningRate);
        }
        if (tMax < 1) {
            throw new IllegalArgumentException("t_max must be >= 1, was " + tMax);
        }
        if (!(etaMin >= 0) || Double.isInfinite(etaMin)) {
            throw new IllegalArgumentException("eta_min must be >= 0 and finite, was " + etaMin);
        }
    }

    /** {@inheritDoc} */
    @Override
    public double learningRate(int epoch) {
        LearningRateSchedule.checkEpoch(epoch);
        int t = epoch - 1;
        if (t == 0) {
            return baseLearningRate; // exactly, as PyTorch's initial step leaves the optimizer's rate untouched
        }
        return etaMin + (baseLearningRate - etaMin) * (1 + Math.cos(Math.PI * t / tMax)) / 2;
    }
}
