package org.lstm4j.api;

/**
 * The shape of one sample.
 *
 * @param window   input time steps
 * @param features values per time step
 * @param horizon  targets
 */
public record SampleShape(int window, int features, int horizon) {
    public SampleShape {
        if (window < 1 || features < 1 || horizon < 1) {
            throw new IllegalArgumentException("window, features and horizon must be >= 1, were "
                    + window + ", " + features + ", " + horizon);
        }
    }

    /** The shape of these samples. */
    public static SampleShape of(WindowedData data) {
        return new SampleShape(data.window(), data.features(), data.horizon());
    }
}
