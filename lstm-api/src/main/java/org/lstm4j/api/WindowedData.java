package org.lstm4j.api;

/**
 * Samples a backend trains or predicts on: {@link #size()} windows of {@link #window()} time steps of
 * {@link #features()} values, each with {@link #horizon()} targets. Implementations read from the
 * underlying series on demand, so a backend copies only one batch at a time.
 */
public interface WindowedData {

    /** Number of samples. */
    int size();

    /** Time steps per window. */
    int window();

    /** Values per time step. */
    int features();

    /** Targets per sample. */
    int horizon();

    /**
     * Copies sample {@code sample}'s inputs, time-major ({@code [t * features + f]}), into {@code destination}.
     *
     * @param sample      0-based sample index
     * @param destination array receiving {@code window() * features()} values
     * @param offset      first index written
     */
    void copyInputs(int sample, float[] destination, int offset);

    /**
     * Copies sample {@code sample}'s targets into {@code destination}.
     *
     * @param sample      0-based sample index
     * @param destination array receiving {@code horizon()} values
     * @param offset      first index written
     */
    void copyTargets(int sample, float[] destination, int offset);
}
