package org.lstm4j.data;

/**
 * Forecast errors, in the units of the values given.
 *
 * @param mse   mean squared error
 * @param rmse  root of {@code mse}
 * @param mae   mean absolute error
 * @param mape  mean absolute percentage error, in percent, over non-zero actuals; NaN when every actual is 0
 * @param smape symmetric MAPE, in percent: mean of {@code 200 |a - f| / (|a| + |f|)} over the terms with
 *              {@code |a| + |f| > 0}; NaN when there is none
 */
public record Metrics(double mse, double rmse, double mae, double mape, double smape) {

    /**
     * The errors over every sample and horizon step.
     *
     * @param actual    {@code [sample][step]}
     * @param predicted {@code [sample][step]}, the same shape
     * @throws IllegalArgumentException when the shapes differ or there is no value
     */
    public static Metrics of(double[][] actual, double[][] predicted) {
        int steps = checkShapes(actual, predicted);
        double[] a = new double[actual.length * steps];
        double[] f = new double[a.length];
        for (int s = 0; s < actual.length; s++) {
            System.arraycopy(actual[s], 0, a, s * steps, steps);
            System.arraycopy(predicted[s], 0, f, s * steps, steps);
        }
        return ofPairs(a, f);
    }

    /**
     * The errors of each horizon step separately.
     *
     * @param actual    {@code [sample][step]}
     * @param predicted {@code [sample][step]}, the same shape
     * @return one entry per step
     * @throws IllegalArgumentException when the shapes differ or there is no value
     */
    public static Metrics[] perStep(double[][] actual, double[][] predicted) {
        int steps = checkShapes(actual, predicted);
        Metrics[] result = new Metrics[steps];
        for (int h = 0; h < steps; h++) {
            double[] a = new double[actual.length];
            double[] f = new double[actual.length];
            for (int s = 0; s < actual.length; s++) {
                a[s] = actual[s][h];
                f[s] = predicted[s][h];
            }
            result[h] = ofPairs(a, f);
        }
        return result;
    }

    private static Metrics ofPairs(double[] actual, double[] forecast) {
        double squared = 0;
        double absolute = 0;
        double percentage = 0;
        int percentageTerms = 0;
        double symmetric = 0;
        int symmetricTerms = 0;
        for (int i = 0; i < actual.length; i++) {
            double error = Math.abs(actual[i] - forecast[i]);
            squared += error * error;
            absolute += error;
            if (actual[i] != 0.0) {
                percentage += error / Math.abs(actual[i]);
                percentageTerms++;
            }
            double magnitude = Math.abs(actual[i]) + Math.abs(forecast[i]);
            if (magnitude != 0.0) {
                symmetric += 2 * error / magnitude;
                symmetricTerms++;
            }
        }
        double mse = squared / actual.length;
        return new Metrics(mse, Math.sqrt(mse), absolute / actual.length,
                percentageTerms == 0 ? Double.NaN : 100 * percentage / percentageTerms,
                symmetricTerms == 0 ? Double.NaN : 100 * symmetric / symmetricTerms);
    }

    /** The number of steps per sample, after checking both arrays are non-empty and of one rectangular shape. */
    private static int checkShapes(double[][] actual, double[][] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " actual samples but " + predicted.length + " predicted");
        }
        if (actual.length == 0 || actual[0].length == 0) {
            throw new IllegalArgumentException("no values to compare");
        }
        int steps = actual[0].length;
        for (int s = 0; s < actual.length; s++) {
            if (actual[s].length != steps || predicted[s].length != steps) {
                throw new IllegalArgumentException("sample " + s + " has " + actual[s].length + " actual and "
                        + predicted[s].length + " predicted steps, expected " + steps);
            }
        }
        return steps;
    }
}
