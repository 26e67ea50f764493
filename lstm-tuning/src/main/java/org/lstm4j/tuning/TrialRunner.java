package org.lstm4j.tuning;

import java.nio.file.Path;
import java.util.Map;

/**
 * Trains one trial of a search. The core module implements it: it applies the assignment's dotted paths to
 * the experiment, trains in {@code trialDirectory} and reports the metric to minimise.
 *
 * <p>Called from {@code parallelism} threads at once, so implementations must be thread-safe and give each
 * trial its own network. A trial fails by throwing or by returning a non-finite metric; the search records
 * it as failed and goes on.
 */
@FunctionalInterface
public interface TrialRunner {

    /**
     * Runs one trial.
     *
     * @param trialNumber    1-based trial number, also in the directory name
     * @param assignment     dotted path to value, in the order of {@code tuning.parameters}
     * @param trialDirectory the trial's own directory ({@code <search>/trial-NNN}), not created: the runner writes it
     *                       whole, so that a killed trial leaves none half-written
     * @return the trial's metric and epochs
     * @throws Exception when the trial fails; its message goes into {@code trials.csv}
     */
    TrialOutcome run(int trialNumber, Map<String, Object> assignment, Path trialDirectory) throws Exception;
}
