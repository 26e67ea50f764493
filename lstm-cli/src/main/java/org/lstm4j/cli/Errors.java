package org.lstm4j.cli;

/** One line describing an unexpected failure, without a stack trace. */
final class Errors {
    private Errors() {}

    /** The backend's start-up failure somewhere in {@code failure}'s causes: its message is the whole story. */
    static java.util.Optional<org.lstm4j.api.BackendUnavailableException> backendUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.lstm4j.api.BackendUnavailableException e) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }

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
