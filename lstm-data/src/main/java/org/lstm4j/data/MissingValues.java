package org.lstm4j.data;

/**
 * Fills gaps in a column; {@code NaN} marks a missing value. The input is never modified.
 */
public final class MissingValues {
    private MissingValues() {}

    /**
     * Linear interpolation between the known neighbours of each gap; a gap at the start takes the first
     * known value, a gap at the end the last one.
     *
     * @param values the column, {@code NaN} where missing
     * @return a new array without {@code NaN}
     * @throws DataException when every value is missing
     */
    public static double[] interpolate(double[] values) {
        double[] filled = values.clone();
        if (filled.length == 0) {
            return filled;
        }
        int previousKnown = -1;
        for (int i = 0; i < filled.length; i++) {
            if (Double.isNaN(filled[i])) {
                continue;
            }
            if (previousKnown < 0) {
                fill(filled, 0, i, filled[i]);
            } else {
                double from = filled[previousKnown];
                double slope = (filled[i] - from) / (i - previousKnown);
                for (int j = previousKnown + 1; j < i; j++) {
                    filled[j] = from + slope * (j - previousKnown);
                }
            }
            previousKnown = i;
        }
        requireSomeValue(filled, previousKnown);
        fill(filled, previousKnown + 1, filled.length, filled[previousKnown]);
        return filled;
    }

    /**
     * Carries the last known value forward; a gap at the start takes the first known value.
     *
     * @param values the column, {@code NaN} where missing
     * @return a new array without {@code NaN}
     * @throws DataException when every value is missing
     */
    public static double[] forwardFill(double[] values) {
        double[] filled = values.clone();
        if (filled.length == 0) {
            return filled;
        }
        int firstKnown = 0;
        while (firstKnown < filled.length && Double.isNaN(filled[firstKnown])) {
            firstKnown++;
        }
        requireSomeValue(filled, firstKnown == filled.length ? -1 : firstKnown);
        fill(filled, 0, firstKnown, filled[firstKnown]);
        for (int i = firstKnown + 1; i < filled.length; i++) {
            if (Double.isNaN(filled[i])) {
                filled[i] = filled[i - 1];
            }
        }
        return filled;
    }

    private static void requireSomeValue(double[] values, int knownIndex) {
        if (knownIndex < 0) {
            throw new DataException("every one of the " + values.length + " values is missing; nothing to fill from");
        }
    }

    private static void fill(double[] values, int from, int to, double value) {
        for (int i = from; i < to; i++) {
            values[i] = value;
        }
    }
}
