package org.lstm4j.cli.bench;

/**
 * Inputs for the inference workloads: windows of seeded uniform [0, 1) values ({@code torch.rand} in
 * {@code torch_bench.py}), target 0 (predict() never reads targets).
 */
public final class UniformWindows extends RandomWindows {
    public UniformWindows(int samples, int window, int features, long seed) {
        super(samples, window, features, seed, java.util.Random::nextFloat);
    }

    @Override
    public void copyTargets(int sample, float[] destination, int offset) {
        destination[offset] = 0f;
    }
}
