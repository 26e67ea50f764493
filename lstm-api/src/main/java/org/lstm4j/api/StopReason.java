package org.lstm4j.api;

/** Why training ended. */
public enum StopReason {
    /** All epochs ran. */
    COMPLETED,
    /** Early stopping saw no improvement. */
    EARLY_STOPPING,
    /** The loss became NaN or infinite. */
    DIVERGED,
    /** A listener asked to stop for another reason. */
    REQUESTED
}
