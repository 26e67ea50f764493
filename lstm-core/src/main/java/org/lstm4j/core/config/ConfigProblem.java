package org.lstm4j.core.config;

/**
 * One mistake in an experiment, located as precisely as known.
 *
 * @param file    the file, or {@code null} for a spec built in Java
 * @param line    1-based line, 0 if unknown
 * @param column  1-based column, 0 if unknown
 * @param path    dotted DSL path ({@code training.optimizer.learning_rate}), empty for the whole document
 * @param message what is wrong, and what would be right
 */
public record ConfigProblem(String file, int line, int column, String path, String message) {

    /** {@code file:line:column: dotted.path: message}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(file).append(':');
            if (line > 0) {
                out.append(line).append(':').append(column).append(':');
            }
            out.append(' ');
        }
        if (!path.isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(message).toString();
    }
}
