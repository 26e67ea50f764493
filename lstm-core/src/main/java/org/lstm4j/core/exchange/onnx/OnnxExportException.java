package org.lstm4j.core.exchange.onnx;

/** A model that cannot be exported: its backend does not give its weights, or they do not fit its experiment. */
public class OnnxExportException extends RuntimeException {
    public OnnxExportException(String message, Throwable cause) {
        super(message, cause);
    }

    public OnnxExportException(String message) {
        super(message);
    }
}
