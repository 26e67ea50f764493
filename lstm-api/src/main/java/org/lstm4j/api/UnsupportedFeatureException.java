package org.lstm4j.api;

/** A spec asks for something the chosen backend does not do (yet). Names the spec key. */
public class UnsupportedFeatureException extends RuntimeException {
    private final String key;

    /**
     * @param key     the dotted DSL key, {@code model.architecture}
     * @param message what is not supported
     */
    public UnsupportedFeatureException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** The dotted DSL key of the unsupported setting. */
    public String key() {
        return key;
    }
}
