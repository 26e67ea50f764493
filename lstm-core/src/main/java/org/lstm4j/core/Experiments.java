package org.lstm4j.core;

import java.nio.file.Path;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.config.ExperimentLoader;

/**
 * Experiment YAML in one call, for Java callers:
 *
 * <pre>{@code
 * ExperimentSpec spec = Experiments.load(Path.of("experiments/sunspots.yaml"));
 * ExperimentResult result = Experiment.run(spec.withSeed(7), TrainingListener.NONE);
 * }</pre>
 *
 * <p>Both methods check what {@code lstm validate} checks (syntax, keys, types, ranges, referenced CSV files and
 * their columns) and throw a {@link ConfigException} with every problem found, sorted by line, instead of stopping
 * at the first.
 */
public final class Experiments {
    /** How problems of a document given as a string name it. */
    public static final String STRING_SOURCE = "<yaml>";

    private Experiments() {}

    /**
     * Reads an experiment file. Relative paths in it (the CSV file, the output directory) are resolved against the
     * file's directory; an experiment without {@code name} is named after the file.
     *
     * @throws ConfigException listing every problem of the file, or saying that it cannot be read
     */
    public static ExperimentSpec load(Path yamlFile) {
        return ExperimentLoader.load(yamlFile).spec();
    }

    /**
     * Reads an experiment from YAML text. Relative paths in it are resolved against the working directory; an
     * experiment without {@code name} is named as {@link ExperimentSpec#defaults()} names it.
     *
     * @throws ConfigException listing every problem, located as {@code <yaml>:line:column}
     */
    public static ExperimentSpec fromYaml(String yaml) {
        return ExperimentLoader.load(yaml, STRING_SOURCE, Path.of("").toAbsolutePath(),
                ExperimentSpec.defaults().name()).spec();
    }
}
