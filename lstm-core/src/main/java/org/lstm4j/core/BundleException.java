package org.lstm4j.core;

/** A model bundle that cannot be read: not a zip, a missing entry, an unknown format version. */
public class BundleException extends RuntimeException {
    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }

    public BundleException(String message) {
        super(message);
    }
}
