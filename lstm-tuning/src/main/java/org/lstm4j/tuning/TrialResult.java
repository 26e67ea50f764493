package org.lstm4j.tuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code trials.csv}: a trial run now or read back from an earlier run of the same search.
 *
 * @param trial      1-based trial number; the trial's directory is {@code trial-NNN}
 * @param assignment dotted path to value, in parameter order. For a trial read back from {@code trials.csv}
 *                   whose assignment is not part of the current search, values are parsed from text:
 *                   integers as {@link Integer} or {@link Long}, decimals as {@link Double}, {@code true} /
 *                   {@code false} as {@link Boolean}, anything else as {@link String}
 * @param metric     the metric, NaN when the trial failed before producing one
 * @param extra      further numbers reported by the runner
 * @param epochsRun  epochs trained (0 when unknown)
 * @param seconds    wall time of the trial
 * @param status     ok or failed
 * @param error      why it failed; empty when ok
 */
public record TrialResult(int trial, Map<String, Object> assignment, double metric, Map<String, Double> extra,
                          int epochsRun, double seconds, TrialStatus status, String error) {

    /** Copies the maps, keeping their order. */
    public TrialResult {
        if (trial < 1) {
            throw new IllegalArgumentException("trial must be >= 1, was " + trial);
        }
        assignment = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(assignment, "assignment")));
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extra, "extra")));
        Objects.requireNonNull(status, "status");
        error = error == null ? "" : error;
    }

    /** Whether the trial finished with a finite metric. */
    public boolean ok() {
        return status == TrialStatus.OK;
    }

    /** The directory name of a trial: {@code trial-007}. */
    public static String directoryName(int trial) {
        return String.format(java.util.Locale.ROOT, "trial-%03d", trial);
    }

    /** This trial's directory name. */
    public String directoryName() {
        return directoryName(trial);
    }
}
