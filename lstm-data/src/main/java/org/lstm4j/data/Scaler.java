package org.lstm4j.data;

import java.util.Objects;
import org.lstm4j.api.ScalerSpec;
import org.lstm4j.api.SpecNames;

/**
 * Fits a {@link FittedScaler} on the train part of a column, and only there: values outside
 * {@code [from, to)} are never read. The results match scikit-learn's {@code MinMaxScaler},
 * {@code StandardScaler} and {@code RobustScaler}, including their rule that a spread of 0
 * (a constant train part) counts as 1.
 */
public final class Scaler {
    private Scaler() {}

    /**
     * Fits a scaler on {@code values[from, to)}.
     *
     * @param spec   the scaler type and (for minmax) the target range
     * @param values the whole column, in the units of the data
     * @param from   first train row
     * @param to     first row after the train part
     * @throws DataException when the train part is empty or holds a value that is not finite
     * @throws IndexOutOfBoundsException when {@code [from, to)} is not inside {@code values}
     */
    public static FittedScaler fit(ScalerSpec spec, double[] values, int from, int to) {
        Objects.requireNonNull(spec, "spec");
        Objects.checkFromToIndex(from, to, values.length);
        if (from == to) {
            throw new DataException("cannot fit the " + name(spec) + " scaler: the train part is empty");
        }
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(values[i])) {
                throw new DataException("cannot fit the " + name(spec) + " scaler: row " + i + " of the train part is "
                        + values[i]);
            }
        }
        return switch (spec.type()) {
            case MINMAX -> minMax(spec, values, from, to);
            case STANDARD -> FittedScaler.standard(Statistics.mean(values, from, to), Statistics.populationStd(values, from, to));
            case ROBUST -> robust(values, from, to);
            case NONE -> FittedScaler.identity();
        };
    }

    private static FittedScaler minMax(ScalerSpec spec, double[] values, int from, int to) {
        return FittedScaler.minMax(Statistics.min(values, from, to), Statistics.max(values, from, to), spec.range().get(0), spec.range().get(1));
    }

    private static FittedScaler robust(double[] values, int from, int to) {
        double[] quartiles = Statistics.percentiles(values, from, to, 25, 50, 75);
        return new FittedScaler(ScalerSpec.ScalerType.ROBUST, quartiles[1], FittedScaler.nonZero(quartiles[2] - quartiles[0]), 0.0);
    }

    private static String name(ScalerSpec spec) {
        return SpecNames.of(spec.type());
    }
}
