package org.lstm4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.config.ConfigProblem;
import org.lstm4j.api.UnsupportedFeatureException;
import org.lstm4j.core.ExperimentException;
import org.lstm4j.core.config.ExperimentLoader;
import org.lstm4j.core.config.Locations;

/** Loads an experiment file for a command, printing every problem as {@code file:line:column: path: message}. */
final class ExperimentFile {
    private ExperimentFile() {}

    /** The loaded experiment, or empty after printing its problems to {@code err}. */
    static Optional<ExperimentLoader.Loaded> load(Path file, PrintWriter err) {
        try {
            return Optional.of(ExperimentLoader.load(file));
        } catch (ConfigException e) {
            printProblems(e, err);
            return Optional.empty();
        }
    }

    static void printProblems(ConfigException e, PrintWriter err) {
        printProblems(e, null, err);
    }

    /**
     * Prints each problem in document order; those found after loading (no file) are located through {@code at} when
     * given.
     */
    static void printProblems(ConfigException e, Locations at, PrintWriter err) {
        List<ConfigProblem> located = e.problems().stream()
                .map(problem -> problem.file() == null && at != null ? at.problem(problem.path(), problem.message()) : problem)
                .toList();
        for (ConfigProblem problem : ConfigProblem.inDocumentOrder(located)) {
            err.println(problem);
        }
        int count = e.problems().size();
        err.println(count + (count == 1 ? " problem" : " problems") + "; nothing was run.");
        err.flush();
    }

    /**
     * Reports a problem of the input found while running (settings that do not fit the data, a feature the
     * backend cannot do, bad data), located at the key's line when it names a key.
     *
     * @return the exit code for bad input
     */
    static int reportInputError(RuntimeException e, Locations at, PrintWriter err) {
        if (e instanceof ConfigException config) {
            printProblems(config, at, err);
        } else if (e instanceof ExperimentException experiment) {
            err.println(at.problem(experiment.key(), experiment.detail()));
        } else if (e instanceof UnsupportedFeatureException unsupported) {
            err.println(at.problem(unsupported.key(), unsupported.getMessage().substring(unsupported.key().length() + 2)));
        } else {
            err.println(e.getMessage());
        }
        err.flush();
        return LstmCommand.BAD_INPUT;
    }
}
