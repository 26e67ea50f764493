package org.lstm4j.core.remote;

/**
 * A piece of work failed where it ran, or the place could not be reached: the message is one line for the user
 * (the cluster's own exception, often many lines, is the cause).
 */
public final class RemoteWorkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RemoteWorkException(String message, Throwable cause) {
        super(message, cause);
    }

    public RemoteWorkException(String message) {
        super(message);
    }
}
