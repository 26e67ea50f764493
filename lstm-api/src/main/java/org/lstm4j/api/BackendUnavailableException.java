package org.lstm4j.api;

/**
 * The backend cannot start on this machine: its native libraries do not load, or the device it was built for
 * (a CUDA GPU) is not there. The message is one line a user can act on; the cause holds the engine's own error.
 */
public class BackendUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure to start, described by {@code message}, caused by {@code cause}. */
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
