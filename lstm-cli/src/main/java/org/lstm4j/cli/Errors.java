package org.lstm4j.cli;

/** One line describing an unexpected failure, without a stack trace. */
final class Errors {
    private Errors() {}

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null || root instanceof RuntimeException
                && root.getClass() == RuntimeException.class)) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message
                + (Boolean.getBoolean("lstm4j.debug") ? "" : " (run with -Dlstm4j.debug=true for details)");
    }
}
