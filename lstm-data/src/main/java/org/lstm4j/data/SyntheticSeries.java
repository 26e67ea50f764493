package org.lstm4j.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lstm4j.api.SourceSpec;

/** Generates the series a {@link SourceSpec.Synthetic} describes. */
public final class SyntheticSeries {
    /** Upper bound on generated samples, against a mistyped step. */
    public static final int MAX_SAMPLES = 50_000_000;

    private SyntheticSeries() {}

    /**
     * Samples {@code f(t) + noise * N(0, 1)} at {@code t = start + i * step} for every {@code i >= 0} with
     * {@code t < end} (computed by multiplication, not by accumulation, like {@code numpy.arange}).
     * The sine from 0 to 20&pi; every 0.1 has 629 samples.
     *
     * @param spec the function, its interval and noise level
     * @param seed seed of the {@link Random} drawing the noise (no draws when noise is 0)
     * @return one column named {@link SourceSpec.Synthetic#COLUMN}, with {@code t} as time labels
     * @throws DataException when the interval would need more than {@link #MAX_SAMPLES} samples
     */
    public static Series generate(SourceSpec.Synthetic spec, long seed) {
        int count = sampleCount(spec.start(), spec.end(), spec.step());
        Random random = new Random(seed);
        double[] values = new double[count];
        List<String> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double t = spec.start() + i * spec.step();
            double noise = spec.noise() == 0.0 ? 0.0 : spec.noise() * random.nextGaussian();
            values[i] = function(spec.function(), t) + noise;
            labels.add(Double.toString(t));
        }
        return new Series(List.of(SourceSpec.Synthetic.COLUMN), new double[][] {values}, labels);
    }

    /** The number of {@code i >= 0} with {@code start + i * step < end}. */
    static int sampleCount(double start, double end, double step) {
        double estimate = Math.ceil((end - start) / step);
        if (!(estimate <= MAX_SAMPLES)) {
            throw new DataException("synthetic source: start " + start + ", end " + end + " and step " + step
                    + " give about " + estimate + " samples, more than " + MAX_SAMPLES);
        }
        long count = Math.max(0, (long) estimate);
        while (count > 0 && start + (count - 1) * step >= end) {
            count--;
        }
        while (start + count * step < end) {
            count++;
        }
        if (count > MAX_SAMPLES) {
            throw new DataException("synthetic source: more than " + MAX_SAMPLES + " samples");
        }
        return (int) count;
    }

    private static double function(SourceSpec.SyntheticFunction function, double t) {
        return switch (function) {
            case SINE -> Math.sin(t);
        };
    }
}
