package org.lstm4j.data;

import java.util.Objects;
import org.lstm4j.api.ScalerSpec;

/**
 * A scaler fitted on a train part: {@code scaled = (x - offset) / scale + base}. Immutable, and a plain
 * record for Jackson, so a model bundle can store it as JSON.
 *
 * <table>
 *   <caption>parameters per type</caption>
 *   <tr><th>type</th><th>offset</th><th>scale</th><th>base</th></tr>
 *   <tr><td>minmax</td><td>train min</td><td>(max - min) / (range high - range low)</td><td>range low</td></tr>
 *   <tr><td>standard</td><td>train mean</td><td>population std (ddof 0)</td><td>0</td></tr>
 *   <tr><td>robust</td><td>train median</td><td>75th - 25th percentile</td><td>0</td></tr>
 *   <tr><td>none</td><td>0</td><td>1</td><td>0</td></tr>
 * </table>
 *
 * @param type   the kind of scaler fitted
 * @param offset subtracted first
 * @param scale  divides next; never 0
 * @param base   added last
 */
public record FittedScaler(ScalerSpec.ScalerType type, double offset, double scale, double base) {

    /** Checks that the parameters are finite and the scale is not 0 (also when read from JSON). */
    public FittedScaler {
        Objects.requireNonNull(type, "type");
        if (!Double.isFinite(offset) || !Double.isFinite(base) || !Double.isFinite(scale) || scale == 0.0) {
            throw new IllegalArgumentException("a scaler needs finite offset and base and a finite non-zero scale, were "
                    + offset + ", " + base + ", " + scale);
        }
    }

    /**
     * scikit-learn's {@code MinMaxScaler(feature_range=(low, high))} with {@code data_min_ = min}, {@code data_max_ = max};
     * a spread of 0 counts as 1, as there.
     */
    public static FittedScaler minMax(double min, double max, double low, double high) {
        return new FittedScaler(ScalerSpec.ScalerType.MINMAX, min, nonZero(max - min) / (high - low), low);
    }

    /** scikit-learn's {@code StandardScaler} with {@code mean_ = mean}, {@code scale_ = std}; a std of 0 counts as 1, as there. */
    public static FittedScaler standard(double mean, double std) {
        return new FittedScaler(ScalerSpec.ScalerType.STANDARD, mean, nonZero(std), 0.0);
    }

    /** scikit-learn's rule for a spread of 0 (a constant column): scale by 1. */
    static double nonZero(double spread) {
        return spread == 0.0 ? 1.0 : spread;
    }

    /** The scaler that changes nothing. */
    public static FittedScaler identity() {
        return new FittedScaler(ScalerSpec.ScalerType.NONE, 0.0, 1.0, 0.0);
    }

    /** A value in the units of the data, scaled. */
    public double transform(double value) {
        return (value - offset) / scale + base;
    }

    /** A scaled value back in the units of the data. */
    public double inverse(double scaled) {
        return (scaled - base) * scale + offset;
    }

    /** Every value scaled, in a new array. */
    public double[] transform(double[] values) {
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = transform(values[i]);
        }
        return scaled;
    }

    /** Every scaled value back in the units of the data, in a new array. */
    public double[] inverse(double[] scaled) {
        double[] values = new double[scaled.length];
        for (int i = 0; i < scaled.length; i++) {
            values[i] = inverse(scaled[i]);
        }
        return values;
    }

    /** Every value scaled and narrowed to float, in a new array: the input of {@link WindowedDataset}. */
    public float[] transformToFloats(double[] values) {
        float[] scaled = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = (float) transform(values[i]);
        }
        return scaled;
    }
}
