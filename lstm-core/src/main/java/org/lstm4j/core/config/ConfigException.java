package org.lstm4j.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** An experiment that cannot run, with every problem found (not just the first). */
public class ConfigException extends RuntimeException {
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    /** A single problem. */
    public static ConfigException of(ConfigProblem problem) {
        return new ConfigException(List.of(problem));
    }

    /** Every problem, in document order. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
