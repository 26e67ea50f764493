package org.lstm4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.config.ConfigProblem;
import org.lstm4j.tuning.EarlyStopping;

/**
 * Rules that span several keys of an experiment and are not a single record's business: what the run
 * cannot produce (a monitored validation loss without a validation part). Both the YAML loader (with
 * lines) and {@link Experiment#run} (for Java callers) apply them before anything trains.
 */
public final class RunChecks {
    private RunChecks() {}

    /**
     * A setting this run cannot honour.
     *
     * @param key     dotted DSL key
     * @param message what is wrong and what would be right
     */
    public record Problem(String key, String message) {}

    /** The problems of {@code spec}, empty if it can run. */
    public static List<Problem> problems(ExperimentSpec spec) {
        List<Problem> out = new ArrayList<>();
        var training = spec.training();
        if (training.earlyStopping().enabled()) {
            EarlyStopping.problem(training.earlyStopping(), spec.data().split().validation() > 0)
                    .ifPresent(problem -> out.add(new Problem("training.early_stopping.monitor", problem)));
        }
        return out;
    }

    /**
     * Throws when {@code spec} cannot run.
     *
     * @throws ConfigException listing every problem of {@link #problems}
     */
    public static void require(ExperimentSpec spec) {
        List<Problem> problems = problems(spec);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.stream()
                    .map(u -> new ConfigProblem(null, 0, 0, u.key(), u.message())).collect(Collectors.toList()));
        }
    }
}
