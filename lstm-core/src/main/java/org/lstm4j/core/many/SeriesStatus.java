package org.lstm4j.core.many;

/** What became of one series of a many-series run. */
public enum SeriesStatus {
    /** Trained, evaluated and written to {@code series/<dir>/}. */
    TRAINED,
    /** Not usable with the experiment's settings (too short for the window, constant, missing values): not trained. */
    SKIPPED,
    /** Training or writing failed (diverged, an unexpected error): nothing written for it. */
    FAILED
}
