package org.lstm4j.tuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link TrialRunner} reports about a finished trial.
 *
 * @param metric    the value to minimise ({@code tuning.metric}); NaN or infinite marks the trial failed
 * @param epochsRun epochs trained
 * @param extra     further named numbers shown beside the metric in {@code trials.csv} (say {@code test_rmse});
 *                  iteration order kept
 */
public record TrialOutcome(double metric, int epochsRun, Map<String, Double> extra) {

    /** Copies {@code extra}, keeping its order. */
    public TrialOutcome {
        if (epochsRun < 0) {
            throw new IllegalArgumentException("epochs_run must be >= 0, was " + epochsRun);
        }
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extra, "extra")));
    }

    /** An outcome with no extra numbers. */
    public TrialOutcome(double metric, int epochsRun) {
        this(metric, epochsRun, Map.of());
    }
}
