package org.lstm4j.tuning;

import java.io.IOException;

/**
 * A {@code trials.csv} that cannot be resumed from: damaged, or written by another search. The message names the
 * file, and the row when one is at fault.
 */
public class TrialsFileException extends IOException {
    private static final long serialVersionUID = 1L;

    TrialsFileException(String message, Throwable cause) {
        super(message, cause);
    }

    TrialsFileException(String message) {
        super(message);
    }
}
