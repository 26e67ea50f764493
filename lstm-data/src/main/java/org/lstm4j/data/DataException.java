package org.lstm4j.data;

import java.nio.file.Path;

/**
 * The data cannot be used as it is: a missing column, an unreadable number, a missing value the
 * policy does not allow. The message says where ({@code data/x.csv:14: column 'SUNACTIVITY': ...})
 * and, where there is one, what to change.
 */
public class DataException extends RuntimeException {

    /**
     * @param message what is wrong and where
     */
    public DataException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where
     * @param cause   the underlying failure
     */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem at a 1-based line of a file: {@code file:line: detail}. */
    static DataException at(Path file, int line, String detail) {
        return new DataException(file + ":" + line + ": " + detail);
    }

    /** A problem with a named column at a 1-based line: {@code file:line: column 'NAME': detail}. */
    static DataException at(Path file, int line, String column, String detail) {
        return at(file, line, "column '" + column + "': " + detail);
    }
}
