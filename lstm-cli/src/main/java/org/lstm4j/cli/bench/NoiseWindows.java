package org.lstm4j.cli.bench;

/**
 * The {@code large} workload's data: {@code samples} windows of seeded Gaussian noise ({@code java.util.Random},
 * so not the same numbers as PyTorch's generator, the same distribution), each with one target: the mean of feature
 * 0 over the window's last {@value #TARGET_STEPS} steps ({@code x[:, -8:, 0].mean(1)} in {@code torch_bench.py}).
 * Stores the {@code samples x window x features} values once (the shape needs them all) and computes targets on
 * demand.
 */
public final class NoiseWindows extends RandomWindows {
    /** Steps averaged into the target. */
    public static final int TARGET_STEPS = 8;

    /**
     * @param samples  windows
     * @param window   time steps per window (at least {@value #TARGET_STEPS})
     * @param features values per step
     * @param seed     seed of the noise
     */
    public NoiseWindows(int samples, int window, int features, long seed) {
        super(samples, checked(window), features, seed, java.util.Random::nextGaussian);
    }

    private static int checked(int window) {
        if (window < TARGET_STEPS) {
            throw new IllegalArgumentException("need samples >= 1, window >= " + TARGET_STEPS + ", features >= 1");
        }
        return window;
    }

    @Override
    public void copyTargets(int sample, float[] destination, int offset) {
        double sum = 0;
        for (int t = window() - TARGET_STEPS; t < window(); t++) {
            sum += value(sample, t, 0);
        }
        destination[offset] = (float) (sum / TARGET_STEPS);
    }
}
