package org.lstm4j.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** An experiment that cannot run, with every problem found (not just the first), sorted by where they are. */
public class ConfigException extends RuntimeException {
    private final List<ConfigProblem> problems;

    /** Every problem in {@code problems}, put in document order. */
    public ConfigException(List<ConfigProblem> problems) {
        super(ConfigProblem.inDocumentOrder(problems).stream().map(ConfigProblem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = ConfigProblem.inDocumentOrder(problems);
    }

    /** A single problem. */
    public static ConfigException of(ConfigProblem problem) {
        return new ConfigException(List.of(problem));
    }

    /** Every problem, in document order (see {@link ConfigProblem#inDocumentOrder}). */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
