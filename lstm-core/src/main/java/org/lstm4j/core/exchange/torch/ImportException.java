package org.lstm4j.core.exchange.torch;

/**
 * A PyTorch file, scaler file or state_dict that cannot be imported. The message is one line that names the file
 * and the tensor, global or field at fault, and what to change.
 */
public class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
