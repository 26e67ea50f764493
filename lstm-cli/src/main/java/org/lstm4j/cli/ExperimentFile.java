package org.lstm4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.config.ConfigProblem;
import org.lstm4j.core.config.ExperimentLoader;

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
        for (ConfigProblem problem : e.problems()) {
            err.println(problem);
        }
        int count = e.problems().size();
        err.println(count + (count == 1 ? " problem" : " problems") + "; nothing was run.");
        err.flush();
    }
}
