package org.lstm4j.data;

import java.util.ArrayList;
import java.util.List;
import org.lstm4j.api.DataSpec.Transform;

/**
 * The series transforms applied before scaling, and their inverse for forecasts.
 *
 * <ul>
 *   <li>{@code none}: identity.</li>
 *   <li>{@code log}: {@code ln(x)}; every value must be positive. Forecasts go back through {@code exp}.</li>
 *   <li>{@code difference}: row {@code t} becomes {@code x[t] - x[t-1]} (row 0 has no value: NaN, and no
 *       window uses it). A forecast of {@code h} steps is {@code h} per-step changes; the levels are the last
 *       observed value plus their running sum, so every reported number is back in levels.</li>
 * </ul>
 * The transform applies to every used column (inputs and target) alike.
 */
public final class Transforms {
    private Transforms() {}

    /** The first row that has a transformed value: 1 for {@code difference}, else 0. */
    public static int firstRow(Transform transform) {
        return transform == Transform.DIFFERENCE ? 1 : 0;
    }

    /**
     * {@code series} with {@code columns} transformed; other columns and the time labels are kept.
     *
     * @throws DataException when {@code log} meets a value that is not positive (naming the column and row)
     */
    public static Series apply(Transform transform, Series series, List<String> columns) {
        if (transform == Transform.NONE) {
            return series;
        }
        double[][] values = series.values().clone();
        for (String column : columns) {
            int index = series.columnIndex(column);
            double[] original = series.values()[index];
            double[] out = new double[original.length];
            for (int row = 0; row < original.length; row++) {
                out[row] = switch (transform) {
                    case LOG -> log(original[row], column, row);
                    case DIFFERENCE -> row == 0 ? Double.NaN : original[row] - original[row - 1];
                    case NONE -> original[row];
                };
            }
            values[index] = out;
        }
        return new Series(new ArrayList<>(series.columns()), values, series.timeLabels());
    }

    /**
     * Forecast steps in transformed units back to levels.
     *
     * @param steps            the forecast of each horizon step, in transformed (unscaled) units
     * @param lastObservedLevel the target's last observed value in the data's units (used by {@code difference})
     */
    public static double[] toLevels(Transform transform, double[] steps, double lastObservedLevel) {
        double[] levels = new double[steps.length];
        double running = lastObservedLevel;
        for (int k = 0; k < steps.length; k++) {
            levels[k] = switch (transform) {
                case NONE -> steps[k];
                case LOG -> Math.exp(steps[k]);
                case DIFFERENCE -> running += steps[k];
            };
        }
        return levels;
    }

    private static double log(double value, String column, int row) {
        if (!(value > 0)) {
            throw new DataException("data.transform: log needs positive values, but column '" + column + "' has " + value
                    + " at row " + (row + 1) + " of the series");
        }
        return Math.log(value);
    }
}
