package org.lstm4j.core;

/** The experiment's settings do not fit its data (a window longer than a part, say). Names the key. */
public class ExperimentException extends RuntimeException {
    private final String key;

    /**
     * @param key     dotted DSL key the user should change
     * @param message what is wrong
     */
    public ExperimentException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** The dotted DSL key. */
    public String key() {
        return key;
    }

    /** The message without the key. */
    public String detail() {
        return getMessage().substring(key.length() + 2);
    }
}
