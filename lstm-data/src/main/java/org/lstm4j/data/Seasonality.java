package org.lstm4j.data;

/**
 * Season length detection and the in-sample scale of MASE, both from the train part only.
 */
public final class Seasonality {
    private Seasonality() {}

    /** The longest season looked for: keeps detection linear in the series length for long series. */
    public static final int MAX_SEASON = 1000;

    /**
     * The season length of {@code values[from, to)}: the lag in {@code [2, min(n/2, MAX_SEASON)]} whose autocorrelation is the
     * highest local peak, if that peak is significant (above {@code 2 / sqrt(n)}, the usual 95% band of a
     * white-noise autocorrelation) and positive; otherwise 1 (no season).
     */
    public static int detect(double[] values, int from, int to) {
        int n = to - from;
        if (n < 8) {
            return 1;
        }
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += values[i];
        }
        mean /= n;
        double variance = 0;
        for (int i = from; i < to; i++) {
            variance += (values[i] - mean) * (values[i] - mean);
        }
        if (variance == 0) {
            return 1;
        }
        int maxLag = Math.min(n / 2, MAX_SEASON);
        double[] acf = new double[maxLag + 2];
        for (int lag = 1; lag <= maxLag + 1 && lag < n; lag++) {
            double sum = 0;
            for (int i = from + lag; i < to; i++) {
                sum += (values[i] - mean) * (values[i - lag] - mean);
            }
            acf[lag] = sum / variance;
        }
        double threshold = 2 / Math.sqrt(n);
        int best = 1;
        double bestValue = threshold;
        for (int lag = 2; lag <= maxLag && lag + 1 < acf.length; lag++) {
            boolean peak = acf[lag] > acf[lag - 1] && acf[lag] >= acf[lag + 1];
            if (peak && acf[lag] > bestValue) {
                best = lag;
                bestValue = acf[lag];
            }
        }
        return best;
    }

    /**
     * The denominator of MASE: the mean absolute error of the seasonal naive forecast with season {@code m}
     * inside {@code values[from, to)} (the train part), {@code mean |y[t] - y[t - m]|}. NaN if the part is not
     * longer than {@code m} or the error is 0.
     */
    public static double maseScale(double[] values, int from, int to, int m) {
        double sum = 0;
        int terms = 0;
        for (int t = from + m; t < to; t++) {
            sum += Math.abs(values[t] - values[t - m]);
            terms++;
        }
        return terms == 0 || sum == 0 ? Double.NaN : sum / terms;
    }
}
