package org.lstm4j.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    /**
     * {@code problems} in document order: by line, then column. Problems of different files keep the order in which
     * their files first appear; problems without a line (about the whole document) come first, in the order found.
     */
    public static List<ConfigProblem> inDocumentOrder(List<ConfigProblem> problems) {
        List<String> files = problems.stream().map(ConfigProblem::file).distinct().toList();
        List<ConfigProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.<ConfigProblem>comparingInt(problem -> files.indexOf(problem.file()))
                .thenComparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
        return List.copyOf(sorted);
    }
}
